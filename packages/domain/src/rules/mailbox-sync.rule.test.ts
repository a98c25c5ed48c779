import { describe, expect, it } from 'vitest';
import { decideSyncFailure, MAX_CONSECUTIVE_FAILURES } from './mailbox-sync.rule.ts';

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
