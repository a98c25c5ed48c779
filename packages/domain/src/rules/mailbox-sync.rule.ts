import {
  failureAlert,
  type AlertDraft,
  type AlertParams,
  type Channel,
  type ExchangeFailure,
  type ExchangeFailureKind,
  type MailboxUnderTest,
} from './mailbox-test.rule.ts';

/** Consecutive transient failures after which a mailbox counts as failing permanently (PRODUCT.md §4). */
export const MAX_CONSECUTIVE_FAILURES = 10;

const BASE_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 30 * 60_000;

/** What a failed sync or send does to its mailbox. */
export type SyncFailureDecision =
  | { disable: false; backoffMs: number; consecutiveFailures: number }
  | { disable: true; consecutiveFailures: number; alert: AlertDraft };

/** Whether a failure of this kind can pass on its own (an expired delta cursor is read again next time). */
export function isTransient(failure: ExchangeFailure): boolean {
  return failure.kind === 'THROTTLED' || failure.kind === 'TRANSIENT' || failure.kind === 'CURSOR_EXPIRED';
}

/**
 * Transient failures back off exponentially (5 s doubling, at most 30 min, never shorter than
 * Exchange's Retry-After); the tenth in a row, or any permanent failure, disables processing
 * with an error alert saying what to fix.
 */
export function decideSyncFailure(
  mailbox: MailboxUnderTest,
  channel: Channel,
  failure: ExchangeFailure,
  previousFailures: number,
  retryAfterMs = 0,
): SyncFailureDecision {
  const consecutiveFailures = previousFailures + 1;
  if (!isTransient(failure)) {
    return { disable: true, consecutiveFailures, alert: failureAlert(mailbox, channel, failure) };
  }
  if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
    return {
      disable: true,
      consecutiveFailures,
      alert: {
        severity: 'ERROR',
        code: 'SYNC_REPEATEDLY_FAILED',
        params: { address: mailbox.emailAddress, failures: consecutiveFailures },
        message: `Synchronising ${mailbox.emailAddress} failed ${consecutiveFailures} times in a row (Exchange Online busy or unavailable, or a message Mailroom could not store — the worker log says which), so Mailroom stopped processing this mailbox. Check the service health in the Microsoft 365 admin center, then run Approve and test on the mailbox to start again.`,
      },
    };
  }
  const exponential = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (consecutiveFailures - 1));
  return { disable: false, consecutiveFailures, backoffMs: Math.max(exponential, retryAfterMs) };
}

/**
 * Why a recorded sync run failed, as a code the console words in its reader's language (`message`
 * stays the English wording, for API clients): RETRY_THROTTLED and RETRY_UNAVAILABLE (params:
 * `seconds` until Mailroom tries again), INTERNAL_ERROR, LEASE_LOST; a failure that disabled the
 * mailbox has its alert's code and params instead.
 */
export const SYNC_RUN_FAILURE_CODES = ['RETRY_THROTTLED', 'RETRY_UNAVAILABLE', 'INTERNAL_ERROR', 'LEASE_LOST'] as const;

/** What a failed run's wording is made of: its alert's params, or when Mailroom tries again. */
export type SyncRunFailureParams = AlertParams & { seconds?: number };

export interface SyncRunFailure {
  /** How Exchange refused; null when the failure was not Exchange's. */
  kind: ExchangeFailureKind | null;
  /** One of SYNC_RUN_FAILURE_CODES, or the code of the alert that disabled the mailbox. */
  code: string;
  params: SyncRunFailureParams;
  /** In English: what went wrong and what a person can do about it. */
  message: string;
}

/** A run that stopped on an error of Mailroom's own (a bug, the database gone). */
export const SYNC_RUN_INTERNAL_ERROR: SyncRunFailure = {
  kind: null,
  code: 'INTERNAL_ERROR',
  params: {},
  message: 'The sync stopped on an internal error (the worker log says which); the next run tries again.',
};

/** A run that held its mailbox past the lease, so another run took it over. */
export const SYNC_RUN_LEASE_LOST: SyncRunFailure = {
  kind: null,
  code: 'LEASE_LOST',
  params: {},
  message:
    'The sync stalled past its lease and another run took the mailbox over; it goes on from the last page stored.',
};

/**
 * A failed sync run's line in the mailbox's sync history: what a person can do about it. A failure
 * that disabled the mailbox says what its alert says; a back-off says Mailroom retries on its own.
 */
export function syncRunFailure(failure: ExchangeFailure, decision: SyncFailureDecision): SyncRunFailure {
  if (decision.disable) {
    const { code, params, message } = decision.alert;
    return { kind: failure.kind, code, params, message };
  }
  const seconds = Math.ceil(decision.backoffMs / 1000);
  const retry = `Mailroom tries again in ${seconds} s; nothing needs changing unless this repeats.`;
  return failure.kind === 'THROTTLED'
    ? {
        kind: failure.kind,
        code: 'RETRY_THROTTLED',
        params: { seconds },
        message: `Exchange Online throttled the sync (too many requests). ${retry}`,
      }
    : {
        kind: failure.kind,
        code: 'RETRY_UNAVAILABLE',
        params: { seconds },
        message: `Exchange Online was busy or unavailable, or the sync could not finish. ${retry}`,
      };
}
