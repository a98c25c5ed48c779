import type { ExchangeFailure } from './mailbox-test.rule.ts';
import { failureAlert, type AlertDraft, type Channel, type MailboxUnderTest } from './mailbox-test.rule.ts';

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
 * A failed sync run's line in the mailbox's sync history: what a person can do about it. A failure
 * that disabled the mailbox says what its alert says; a back-off says Mailroom retries on its own.
 */
export function syncRunFailureMessage(failure: ExchangeFailure, decision: SyncFailureDecision): string {
  if (decision.disable) return decision.alert.message;
  const retry = `Mailroom tries again in ${Math.ceil(decision.backoffMs / 1000)} s; nothing needs changing unless this repeats.`;
  return failure.kind === 'THROTTLED'
    ? `Exchange Online throttled the sync (too many requests). ${retry}`
    : `Exchange Online was busy or unavailable, or the sync could not finish. ${retry}`;
}
