import type { AlertSeverity, SyncMethod, TestRunStatus, TestStatus } from '../enums.ts';

/** The three things "Approve and test" checks on a mailbox. */
export const CHANNELS = ['incoming', 'outgoing', 'act'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_NAMES: Record<Channel, string> = {
  incoming: 'incoming email',
  outgoing: 'outgoing email',
  act: 'appointments, contacts and tasks',
};

/** How Exchange refused a test, as the Graph adapter classifies it (status and error code, never text). */
export type ExchangeFailureKind =
  | 'AUTH_FAILED'
  | 'PERMISSION_MISSING'
  | 'ACCESS_POLICY_DENIED'
  | 'MAILBOX_UNAVAILABLE'
  | 'NOT_FOUND'
  | 'THROTTLED'
  | 'TRANSIENT'
  | 'INVALID_REQUEST'
  /** A delta cursor Exchange no longer knows (410): the folder is read again from the start. */
  | 'CURSOR_EXPIRED';

export interface ExchangeFailure {
  kind: ExchangeFailureKind;
  /** For PERMISSION_MISSING: the application permission the app lacks, e.g. Mail.Send. */
  permission?: string;
  /** For THROTTLED: how long Exchange asked callers to wait. */
  retryAfterMs?: number;
}

export type ChannelResult = { ok: true } | { ok: false; failure: ExchangeFailure };

export interface MailboxUnderTest {
  emailAddress: string;
  incomingMethod: SyncMethod;
  outgoingMethod: SyncMethod;
  actMethod: SyncMethod;
}

/**
 * Every kind of alert Mailroom raises on a mailbox. A missing permission's code also names the
 * permission (PERMISSION_MISSING_MAIL_SEND), so each permission is its own open alert; its kind is
 * PERMISSION_MISSING.
 */
export const ALERT_KINDS = [
  'NO_EXCHANGE_MAILBOX',
  'MAILBOX_NOT_FOUND',
  'PERMISSION_MISSING',
  'ACCESS_POLICY_DENIED',
  'CREDENTIALS_INVALID',
  'EXCHANGE_UNREACHABLE',
  'TEST_REJECTED',
  'TEST_SUCCEEDED',
  'NOTHING_TO_TEST',
  'MAILBOX_NOT_APPROVED',
  'SYNC_REPEATEDLY_FAILED',
] as const;

/**
 * What an alert's message is made of. Stored with the alert, so a client can word it in its
 * reader's language from the code and these; `message` stays the English wording.
 */
export type AlertParams = {
  address?: string;
  channel?: Channel;
  /** The channels a successful test enabled, in test order. */
  channels?: Channel[];
  /** The application permission the app lacks, e.g. Mail.Send. */
  permission?: string;
  /** Failures in a row. */
  failures?: number;
};

export interface AlertDraft {
  severity: AlertSeverity;
  code: string;
  message: string;
  params: AlertParams;
}

export interface TestOutcome {
  incomingStatus: TestStatus;
  outgoingStatus: TestStatus;
  actStatus: TestStatus;
  testRunStatus: TestRunStatus;
  enabledForIncoming: boolean;
  enabledForOutgoing: boolean;
  enabledForAct: boolean;
  alerts: AlertDraft[];
}

const METHOD_OF: Record<Channel, keyof Pick<MailboxUnderTest, 'incomingMethod' | 'outgoingMethod' | 'actMethod'>> = {
  incoming: 'incomingMethod',
  outgoing: 'outgoingMethod',
  act: 'actMethod',
};

/** Channels the mailbox synchronises with server-side sync: the only ones tested and enabled. */
export function channelsToTest(mailbox: MailboxUnderTest): Channel[] {
  return CHANNELS.filter((channel) => mailbox[METHOD_OF[channel]] === 'SERVER_SIDE_SYNC');
}

const AGAIN = 'then run Approve and test again.';

/** Test and enable refuses a mailbox nobody approved. */
export const NOT_APPROVED_ALERT: AlertDraft = {
  severity: 'ERROR',
  code: 'MAILBOX_NOT_APPROVED',
  params: {},
  message:
    'The mailbox is not approved, so it cannot be tested and enabled. Use Approve and test mailboxes (administrators), which approves it first.',
};

/** The alert for one failure: what went wrong and what to do about it. */
export function failureAlert(mailbox: MailboxUnderTest, channel: Channel, failure: ExchangeFailure): AlertDraft {
  const what = CHANNEL_NAMES[channel];
  const address = mailbox.emailAddress;
  // Only what the message names: a reader's language words it again from these.
  switch (failure.kind) {
    case 'MAILBOX_UNAVAILABLE':
      return {
        severity: 'ERROR',
        code: 'NO_EXCHANGE_MAILBOX',
        params: { address },
        message: `Exchange Online has no active mailbox for ${address}: the user has no Exchange Online licence, or the mailbox is inactive or on-premises. Assign an Exchange Online licence in the Microsoft 365 admin center, ${AGAIN}`,
      };
    case 'NOT_FOUND':
      return {
        severity: 'ERROR',
        code: 'MAILBOX_NOT_FOUND',
        params: { address },
        message: `No user or mailbox ${address} exists in the connected tenant. Check the mailbox's email address, or import users from the directory again, ${AGAIN}`,
      };
    case 'PERMISSION_MISSING':
      return {
        severity: 'ERROR',
        code: `PERMISSION_MISSING_${(failure.permission ?? 'UNKNOWN').replace(/\W/g, '_').toUpperCase()}`,
        params: failure.permission === undefined ? { channel } : { permission: failure.permission, channel },
        message: `The app registration has no ${failure.permission ?? 'required'} application permission, which ${what} needs. Grant it (with admin consent) in Microsoft Entra ID, ${AGAIN}`,
      };
    case 'ACCESS_POLICY_DENIED':
      return {
        severity: 'ERROR',
        code: 'ACCESS_POLICY_DENIED',
        params: { address },
        message: `An Exchange Online application access policy denies the app access to ${address}. Add the mailbox to the policy's mail-enabled security group (changes can take up to an hour to apply), ${AGAIN}`,
      };
    case 'AUTH_FAILED':
      return {
        severity: 'ERROR',
        code: 'CREDENTIALS_INVALID',
        params: {},
        message: `Microsoft Entra ID rejected the app's credentials. Check the tenant id, client id and client secret on the email server profile (the secret may have expired), ${AGAIN}`,
      };
    case 'THROTTLED':
    case 'TRANSIENT':
    case 'CURSOR_EXPIRED':
      return {
        severity: 'ERROR',
        code: 'EXCHANGE_UNREACHABLE',
        params: { channel },
        message: `Exchange Online did not answer the ${what} test after several attempts (busy or unavailable). Nothing needs changing on your side; ${AGAIN}`,
      };
    case 'INVALID_REQUEST':
      return {
        severity: 'ERROR',
        code: 'TEST_REJECTED',
        params: { channel },
        message: `Exchange Online rejected the ${what} test as invalid. Check the email server profile's Graph endpoint, ${AGAIN}`,
      };
    default: {
      const unreachable: never = failure.kind;
      return unreachable;
    }
  }
}

/**
 * Turns the channel results of one test run into the mailbox's new statuses: every tested channel
 * Success → mailbox enabled for those channels; any Failure → that channel and the test run status
 * are Failure, nothing is enabled, and each distinct cause gets an alert. A success also posts an
 * information alert, as Approve and test does in the seed.
 */
export function decideTestOutcome(
  mailbox: MailboxUnderTest,
  results: Partial<Record<Channel, ChannelResult>>,
): TestOutcome {
  const tested = channelsToTest(mailbox);
  const status = (channel: Channel): TestStatus => {
    if (!tested.includes(channel)) return 'NOT_RUN';
    const result = results[channel];
    if (!result) return 'NOT_RUN';
    return result.ok ? 'SUCCESS' : 'FAILURE';
  };
  const statuses = { incoming: status('incoming'), outgoing: status('outgoing'), act: status('act') };
  const failed = tested.filter((channel) => statuses[channel] === 'FAILURE');
  const passed = tested.length > 0 && tested.every((channel) => statuses[channel] === 'SUCCESS');

  const alerts: AlertDraft[] = [];
  const seen = new Set<string>();
  for (const channel of failed) {
    const result = results[channel];
    if (!result || result.ok) continue;
    const alert = failureAlert(mailbox, channel, result.failure);
    if (seen.has(alert.code)) continue;
    seen.add(alert.code);
    alerts.push(alert);
  }
  if (passed) {
    alerts.push({
      severity: 'INFORMATION',
      code: 'TEST_SUCCEEDED',
      params: { address: mailbox.emailAddress, channels: tested },
      message: `Approve and test succeeded for ${mailbox.emailAddress}: ${tested.map((c) => CHANNEL_NAMES[c]).join(', ')} now synchronise with Exchange Online.`,
    });
  }
  if (tested.length === 0) {
    alerts.push({
      severity: 'WARNING',
      code: 'NOTHING_TO_TEST',
      params: { address: mailbox.emailAddress },
      message: `No channel of ${mailbox.emailAddress} uses server-side synchronisation, so there was nothing to test. Set incoming, outgoing or appointments, contacts and tasks to server-side synchronisation (Configure email does this), ${AGAIN}`,
    });
  }
  return {
    incomingStatus: statuses.incoming,
    outgoingStatus: statuses.outgoing,
    actStatus: statuses.act,
    testRunStatus: failed.length > 0 ? 'FAILURE' : passed ? 'SUCCESS' : 'NOT_RUN',
    enabledForIncoming: passed && tested.includes('incoming'),
    enabledForOutgoing: passed && tested.includes('outgoing'),
    enabledForAct: passed && tested.includes('act'),
    alerts,
  };
}
