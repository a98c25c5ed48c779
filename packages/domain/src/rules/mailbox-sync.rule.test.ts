import { describe, expect, it } from 'vitest';
import { decideSyncFailure, MAX_CONSECUTIVE_FAILURES, syncRunFailure } from './mailbox-sync.rule.ts';

const mailbox = {
  emailAddress: 'sales.pro@contoso.example',
  incomingMethod: 'SERVER_SIDE_SYNC' as const,
  outgoingMethod: 'SERVER_SIDE_SYNC' as const,
  actMethod: 'SERVER_SIDE_SYNC' as const,
};

describe('sync failures', () => {
  it('back off exponentially on transient failures, never below Retry-After', () => {
    expect(decideSyncFailure(mailbox, 'incoming', { kind: 'TRANSIENT' }, 0)).toEqual({
      disable: false,
      consecutiveFailures: 1,
      backoffMs: 5_000,
    });
    expect(decideSyncFailure(mailbox, 'incoming', { kind: 'THROTTLED' }, 2)).toMatchObject({ backoffMs: 20_000 });
    expect(decideSyncFailure(mailbox, 'incoming', { kind: 'THROTTLED' }, 0, 60_000)).toMatchObject({
      backoffMs: 60_000,
    });
    // The ninth failure in a row: 5 s × 2^8 = 1,280 s, still under the 30-minute ceiling.
    expect(decideSyncFailure(mailbox, 'incoming', { kind: 'TRANSIENT' }, 8)).toMatchObject({
      disable: false,
      backoffMs: 1_280_000,
    });
  });

  it('disable the mailbox at the tenth consecutive transient failure, with an alert saying what to do', () => {
    const decision = decideSyncFailure(mailbox, 'incoming', { kind: 'TRANSIENT' }, MAX_CONSECUTIVE_FAILURES - 1);
    expect(decision.disable).toBe(true);
    if (decision.disable) {
      expect(decision.alert.code).toBe('SYNC_REPEATEDLY_FAILED');
      expect(decision.alert.message).toContain('Approve and test');
    }
  });

  it('disable the mailbox at once on a permanent failure', () => {
    const decision = decideSyncFailure(mailbox, 'outgoing', { kind: 'ACCESS_POLICY_DENIED' }, 0);
    expect(decision).toMatchObject({ disable: true, alert: { code: 'ACCESS_POLICY_DENIED', severity: 'ERROR' } });
  });
});

describe('sync run failures', () => {
  it('say a back-off retries on its own, and repeat the alert of a failure that disabled the mailbox', () => {
    const throttled = decideSyncFailure(mailbox, 'incoming', { kind: 'THROTTLED' }, 0, 60_000);
    expect(syncRunFailure({ kind: 'THROTTLED' }, throttled)).toEqual({
      kind: 'THROTTLED',
      code: 'RETRY_THROTTLED',
      params: { seconds: 60 },
      message:
        'Exchange Online throttled the sync (too many requests). Mailroom tries again in 60 s; nothing needs changing unless this repeats.',
    });
    const transient = decideSyncFailure(mailbox, 'incoming', { kind: 'TRANSIENT' }, 0);
    expect(syncRunFailure({ kind: 'TRANSIENT' }, transient)).toMatchObject({
      code: 'RETRY_UNAVAILABLE',
      params: { seconds: 5 },
      message: expect.stringMatching(/^Exchange Online was busy.*again in 5 s/),
    });
    const denied = decideSyncFailure(mailbox, 'incoming', { kind: 'ACCESS_POLICY_DENIED' }, 0);
    if (!denied.disable) throw new Error('an access policy denial should disable the mailbox');
    expect(syncRunFailure({ kind: 'ACCESS_POLICY_DENIED' }, denied)).toEqual({
      kind: 'ACCESS_POLICY_DENIED',
      code: 'ACCESS_POLICY_DENIED',
      params: { address: mailbox.emailAddress },
      message: denied.alert.message,
    });
    expect(denied.alert.message).toContain('application access policy');
  });
});
