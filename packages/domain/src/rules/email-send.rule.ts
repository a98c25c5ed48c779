import type { ExchangeFailureKind } from './mailbox-test.rule.ts';

/**
 * Why an email could not be sent, as a code the console words in its reader's language
 * (`failureReason` stays the English wording, for API clients):
 * - MAILBOX_NOT_ENABLED: the mailbox to send from is no longer enabled for outgoing email;
 * - NOT_CONNECTED: the organisation is not connected to its tenant;
 * - MAILBOX_REFUSED: Exchange refused the mailbox itself (params: address, kind);
 * - NOT_CONFIRMED: Exchange never confirmed the send;
 * - EMAIL_REFUSED: Exchange refused this email only (recipients, size).
 */
export const SEND_FAILURE_CODES = [
  'MAILBOX_NOT_ENABLED',
  'NOT_CONNECTED',
  'MAILBOX_REFUSED',
  'NOT_CONFIRMED',
  'EMAIL_REFUSED',
] as const;
export type SendFailureCode = (typeof SEND_FAILURE_CODES)[number];

/** Failures that mean the mailbox cannot send at all, rather than that one email was refused. */
export const MAILBOX_SEND_FAILURE_KINDS = [
  'AUTH_FAILED',
  'PERMISSION_MISSING',
  'ACCESS_POLICY_DENIED',
  'MAILBOX_UNAVAILABLE',
] as const satisfies readonly ExchangeFailureKind[];
export type MailboxSendFailureKind = (typeof MAILBOX_SEND_FAILURE_KINDS)[number];

export function isMailboxSendFailure(kind: ExchangeFailureKind): kind is MailboxSendFailureKind {
  return MAILBOX_SEND_FAILURE_KINDS.some((mailboxKind) => mailboxKind === kind);
}

export type SendFailureCause =
  | { code: Exclude<SendFailureCode, 'MAILBOX_REFUSED'> }
  | { code: 'MAILBOX_REFUSED'; address: string; kind: MailboxSendFailureKind };

/** What makes the English reason, kept with the email so a client can word it in another language. */
export type SendFailureParams = { address?: string; kind?: MailboxSendFailureKind };

export interface SendFailure {
  code: SendFailureCode;
  params: SendFailureParams;
  /** In English, in words a person can act on. */
  reason: string;
}

/** A failed send's code, params and English reason. */
export function sendFailure(cause: SendFailureCause): SendFailure {
  switch (cause.code) {
    case 'MAILBOX_NOT_ENABLED':
      return {
        code: cause.code,
        params: {},
        reason:
          'The mailbox to send from is no longer enabled for outgoing email; an administrator can run Approve and test on it, then send again.',
      };
    case 'NOT_CONNECTED':
      return {
        code: cause.code,
        params: {},
        reason: 'The organisation is not connected to its Microsoft 365 tenant; connect it, then send again.',
      };
    case 'MAILBOX_REFUSED':
      return {
        code: cause.code,
        params: { address: cause.address, kind: cause.kind },
        reason: `Exchange Online refused to send from ${cause.address} (${cause.kind.toLowerCase().replace(/_/g, ' ')}); the mailbox's alerts say what to fix.`,
      };
    case 'NOT_CONFIRMED':
      return {
        code: cause.code,
        params: {},
        reason:
          'Exchange Online did not confirm the email after several attempts (busy or unavailable). If it does not show as Sent within a few minutes, send it again.',
      };
    case 'EMAIL_REFUSED':
      return {
        code: cause.code,
        params: {},
        reason:
          "Exchange Online refused this email (check the recipients' addresses and its size), then send it again.",
      };
    default: {
      const unreachable: never = cause;
      return unreachable;
    }
  }
}
