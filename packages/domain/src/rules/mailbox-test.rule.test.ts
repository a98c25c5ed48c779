import { describe, expect, it } from 'vitest';
import { channelsToTest, decideTestOutcome, type MailboxUnderTest } from './mailbox-test.rule.ts';

const sss = (overrides: Partial<MailboxUnderTest> = {}): MailboxUnderTest => ({
  emailAddress: 'ann@contoso.example',
  incomingMethod: 'SERVER_SIDE_SYNC',
  outgoingMethod: 'SERVER_SIDE_SYNC',
  actMethod: 'SERVER_SIDE_SYNC',
  ...overrides,
});
const ok = { ok: true } as const;

describe('mailbox test outcome', () => {
  it('enables every channel when all pass, with an information alert', () => {
    const outcome = decideTestOutcome(sss(), { incoming: ok, outgoing: ok, act: ok });
    expect(outcome).toMatchObject({
      incomingStatus: 'SUCCESS',
      outgoingStatus: 'SUCCESS',
      actStatus: 'SUCCESS',
      testRunStatus: 'SUCCESS',
      enabledForIncoming: true,
      enabledForOutgoing: true,
      enabledForAct: true,
    });
    expect(outcome.alerts).toEqual([expect.objectContaining({ severity: 'INFORMATION', code: 'TEST_SUCCEEDED' })]);
  });

  it('fails the run and enables nothing when one channel fails, naming the permission to grant', () => {
    const outcome = decideTestOutcome(sss(), {
      incoming: ok,
      outgoing: { ok: false, failure: { kind: 'PERMISSION_MISSING', permission: 'Mail.Send' } },
      act: ok,
    });
    expect(outcome).toMatchObject({
      incomingStatus: 'SUCCESS',
      outgoingStatus: 'FAILURE',
      testRunStatus: 'FAILURE',
      enabledForIncoming: false,
      enabledForOutgoing: false,
      enabledForAct: false,
    });
    expect(outcome.alerts).toHaveLength(1);
    expect(outcome.alerts[0]).toMatchObject({ severity: 'ERROR', code: 'PERMISSION_MISSING_MAIL_SEND' });
    expect(outcome.alerts[0]!.message).toContain('Mail.Send');
    expect(outcome.alerts[0]!.message).toContain('Approve and test again');
  });

  it('folds one cause seen on several channels into one alert', () => {
    const noMailbox = { ok: false, failure: { kind: 'MAILBOX_UNAVAILABLE' } } as const;
    const outcome = decideTestOutcome(sss(), { incoming: noMailbox, outgoing: noMailbox, act: noMailbox });
    expect(outcome.testRunStatus).toBe('FAILURE');
    expect(outcome.alerts.map((a) => a.code)).toEqual(['NO_EXCHANGE_MAILBOX']);
    expect(outcome.alerts[0]!.message).toMatch(/Exchange Online licence/);
  });

  it.each([
    ['ACCESS_POLICY_DENIED', 'ACCESS_POLICY_DENIED', /access policy/],
    ['AUTH_FAILED', 'CREDENTIALS_INVALID', /client secret/],
    ['NOT_FOUND', 'MAILBOX_NOT_FOUND', /No user or mailbox/],
    ['TRANSIENT', 'EXCHANGE_UNREACHABLE', /did not answer/],
  ] as const)('explains %s', (kind, code, text) => {
    const outcome = decideTestOutcome(sss(), { incoming: { ok: false, failure: { kind } }, outgoing: ok, act: ok });
    expect(outcome.alerts[0]).toMatchObject({ code, message: expect.stringMatching(text) });
  });

  it('tests and enables only the channels set to server-side synchronisation', () => {
    const mailbox = sss({ actMethod: 'NONE' });
    expect(channelsToTest(mailbox)).toEqual(['incoming', 'outgoing']);
    const outcome = decideTestOutcome(mailbox, { incoming: ok, outgoing: ok });
    expect(outcome).toMatchObject({
      actStatus: 'NOT_RUN',
      testRunStatus: 'SUCCESS',
      enabledForAct: false,
      enabledForIncoming: true,
    });
  });

  it('warns when nothing uses server-side synchronisation', () => {
    const outcome = decideTestOutcome(sss({ incomingMethod: 'NONE', outgoingMethod: 'NONE', actMethod: 'NONE' }), {});
    expect(outcome.testRunStatus).toBe('NOT_RUN');
    expect(outcome.alerts.map((a) => a.code)).toEqual(['NOTHING_TO_TEST']);
  });
});
