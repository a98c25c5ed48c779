import { describe, expect, it } from 'vitest';
import {
  MAILBOX_SEND_FAILURE_KINDS,
  SEND_FAILURE_CODES,
  sendFailure,
  type SendFailure,
  type SendFailureCause,
} from '../../../../../packages/domain/src/rules/email-send.rule.ts';
import { i18n } from '../../shared/i18n';
import { sendFailureText } from './send-failure';
import { timelineText, type TimelineTranslate } from './timeline.strings';

const textIn = (language: 'en' | 'it') =>
  i18n.getFixedT(language, timelineText.namespace) as unknown as TimelineTranslate;
const en = textIn('en');
const it_ = textIn('it');

const address = 'sales.pro@contoso.example';

/** Every failure the send runner records, built by the domain's own code, as the API hands it over. */
function recordedFailures(): SendFailure[] {
  const causes: SendFailureCause[] = [
    { code: 'MAILBOX_NOT_ENABLED' },
    { code: 'NOT_CONNECTED' },
    { code: 'NOT_CONFIRMED' },
    { code: 'EMAIL_REFUSED' },
    ...MAILBOX_SEND_FAILURE_KINDS.map((kind) => ({ code: 'MAILBOX_REFUSED' as const, address, kind })),
  ];
  return causes.map((cause) => {
    const failure = sendFailure(cause);
    return { ...failure, params: JSON.parse(JSON.stringify(failure.params)) };
  });
}

const asEmail = (failure: SendFailure) => ({
  failureReason: failure.reason,
  failureCode: failure.code,
  failureParams: failure.params,
});

describe('send failures in the reader’s language', () => {
  it('words every failure the send runner records', () => {
    const codes = new Set(recordedFailures().map((failure) => failure.code));
    expect([...codes].sort()).toEqual([...SEND_FAILURE_CODES].sort());
  });

  it('says in English exactly what the API says', () => {
    for (const failure of recordedFailures()) expect(sendFailureText(en, asEmail(failure))).toBe(failure.reason);
  });

  it('says every failure in Italian, with the mailbox’s address and how Exchange refused it', () => {
    const italian = recordedFailures().map((failure) => sendFailureText(it_, asEmail(failure)));
    recordedFailures().forEach((failure, index) => {
      expect(italian[index], failure.code).not.toBe(failure.reason);
      expect(italian[index], failure.code).not.toMatch(/\{\{|\}\}|undefined/);
      if (failure.params.address) expect(italian[index]).toContain(failure.params.address);
    });
    // Each way Exchange refused a mailbox reads differently.
    expect(new Set(italian).size).toBe(italian.length);
    const denied = sendFailure({ code: 'MAILBOX_REFUSED', address, kind: 'ACCESS_POLICY_DENIED' });
    expect(sendFailureText(it_, asEmail(denied))).toBe(
      'Exchange Online ha rifiutato l’invio da sales.pro@contoso.example (accesso negato da un criterio): gli avvisi della cassetta postale indicano cosa correggere.',
    );
  });

  it('shows the API’s reason for a failure it does not know or recorded before codes were kept', () => {
    const reason = 'Something new happened.';
    expect(sendFailureText(it_, { failureReason: reason, failureCode: 'SOMETHING_NEW', failureParams: {} })).toBe(
      reason,
    );
    expect(sendFailureText(it_, { failureReason: reason, failureCode: null, failureParams: null })).toBe(reason);
    const refused = asEmail(sendFailure({ code: 'MAILBOX_REFUSED', address, kind: 'AUTH_FAILED' }));
    expect(sendFailureText(it_, { ...refused, failureParams: null })).toBe(refused.failureReason);
    expect(sendFailureText(it_, { ...refused, failureParams: { address, kind: 'SOMETHING_NEW' } })).toBe(
      refused.failureReason,
    );
    expect(sendFailureText(it_, { failureReason: null, failureCode: null, failureParams: null })).toBeNull();
  });
});
