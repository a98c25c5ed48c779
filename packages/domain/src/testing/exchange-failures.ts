import type { ExchangeFailure, ExchangeFailureKind, MailboxUnderTest } from '../rules/mailbox-test.rule.ts';

/** A mailbox with every channel on server-side synchronisation, as the rules see it. */
export const SERVER_SIDE_MAILBOX: MailboxUnderTest = {
  emailAddress: 'ann@contoso.example',
  incomingMethod: 'SERVER_SIDE_SYNC',
  outgoingMethod: 'SERVER_SIDE_SYNC',
  actMethod: 'SERVER_SIDE_SYNC',
};

/** One failure of every kind the Graph adapter reports: a record, so a new kind must be added here. */
export const EVERY_EXCHANGE_FAILURE: Record<ExchangeFailureKind, ExchangeFailure> = {
  AUTH_FAILED: { kind: 'AUTH_FAILED' },
  PERMISSION_MISSING: { kind: 'PERMISSION_MISSING', permission: 'Mail.Send' },
  ACCESS_POLICY_DENIED: { kind: 'ACCESS_POLICY_DENIED' },
  MAILBOX_UNAVAILABLE: { kind: 'MAILBOX_UNAVAILABLE' },
  NOT_FOUND: { kind: 'NOT_FOUND' },
  THROTTLED: { kind: 'THROTTLED', retryAfterMs: 60_000 },
  TRANSIENT: { kind: 'TRANSIENT' },
  INVALID_REQUEST: { kind: 'INVALID_REQUEST' },
  CURSOR_EXPIRED: { kind: 'CURSOR_EXPIRED' },
};
