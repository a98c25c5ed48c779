import { describe, expect, it } from 'vitest';
import {
  EVERY_EXCHANGE_FAILURE,
  SERVER_SIDE_MAILBOX,
} from '../../../../../packages/domain/src/testing/exchange-failures.ts';
import {
  MAX_CONSECUTIVE_FAILURES,
  SYNC_RUN_FAILURE_CODES,
  SYNC_RUN_INTERNAL_ERROR,
  SYNC_RUN_LEASE_LOST,
  decideSyncFailure,
  syncRunFailure,
  type SyncRunFailure,
} from '../../../../../packages/domain/src/rules/mailbox-sync.rule.ts';
import { i18n, type Translate } from '../../shared/i18n';
import { alertsText } from './alerts.strings';
import { mailboxesText } from './mailboxes.strings';
import { syncRunFailureText } from './sync-run-message';

const textIn = (language: 'en' | 'it') => ({
  t: i18n.getFixedT(language, mailboxesText.namespace) as unknown as Translate<typeof mailboxesText.en>,
  alerts: i18n.getFixedT(language, alertsText.namespace) as unknown as Translate<typeof alertsText.en>,
});
const en = textIn('en');
const it_ = textIn('it');

const mailbox = SERVER_SIDE_MAILBOX;
const FAILURES = EVERY_EXCHANGE_FAILURE;

/**
 * Every failure a sync run records, built by the domain's own code, as the API hands it over: the
 * runner's own two, and each kind of Exchange failure the first time, the ninth time (a long
 * back-off) and the tenth time in a row.
 */
function recordedFailures(): SyncRunFailure[] {
  const failures = [SYNC_RUN_INTERNAL_ERROR, SYNC_RUN_LEASE_LOST];
  for (const failure of Object.values(FAILURES)) {
    for (const previous of [0, MAX_CONSECUTIVE_FAILURES - 2, MAX_CONSECUTIVE_FAILURES - 1]) {
      const decision = decideSyncFailure(mailbox, 'incoming', failure, previous, failure.retryAfterMs);
      failures.push(syncRunFailure(failure, decision));
    }
  }
  return failures.map((failure) => ({ ...failure, params: JSON.parse(JSON.stringify(failure.params)) }));
}

const asRun = (failure: SyncRunFailure) => ({
  failureMessage: failure.message,
  failureCode: failure.code,
  failureParams: failure.params,
});
const inItalian = (run: Parameters<typeof syncRunFailureText>[2]) => syncRunFailureText(it_.t, it_.alerts, run);

describe('sync run failures in the reader’s language', () => {
  it('records every code of its own, and an alert’s code when the failure disabled the mailbox', () => {
    const codes = new Set(recordedFailures().map((failure) => failure.code));
    for (const code of SYNC_RUN_FAILURE_CODES) expect(codes).toContain(code);
    expect(codes).toContain('ACCESS_POLICY_DENIED');
    expect(codes).toContain('SYNC_REPEATEDLY_FAILED');
  });

  it('says in English exactly what the API says', () => {
    for (const failure of recordedFailures()) {
      expect(syncRunFailureText(en.t, en.alerts, asRun(failure))).toBe(failure.message);
    }
  });

  it('says every failure in Italian, with its address, permission and when Mailroom tries again', () => {
    for (const failure of recordedFailures()) {
      const italian = inItalian(asRun(failure));
      expect(italian, failure.code).not.toBe(failure.message);
      expect(italian, failure.code).not.toMatch(/\{\{|\}\}|undefined/);
      if (failure.params.address) expect(italian).toContain(failure.params.address);
      if (failure.params.permission) expect(italian).toContain(failure.params.permission);
    }
    const throttled = syncRunFailure(
      FAILURES.THROTTLED,
      decideSyncFailure(mailbox, 'incoming', FAILURES.THROTTLED, 0, 60_000),
    );
    expect(inItalian(asRun(throttled))).toBe(
      'Exchange Online ha limitato la sincronizzazione (troppe richieste). Mailroom riprova tra 60 s; non serve modificare nulla, a meno che il problema non si ripeta.',
    );
    // The ninth failure in a row backs off 1,280 s (Italian groups thousands only from five digits).
    const ninth = syncRunFailure(FAILURES.TRANSIENT, decideSyncFailure(mailbox, 'incoming', FAILURES.TRANSIENT, 8));
    expect(ninth.message).toContain('again in 1280 s');
    expect(inItalian(asRun(ninth))).toBe(
      'Exchange Online era occupato o non disponibile, oppure la sincronizzazione non è riuscita a terminare. Mailroom riprova tra 1280 s; non serve modificare nulla, a meno che il problema non si ripeta.',
    );
  });

  it('shows the API’s message for a failure it does not know or recorded before codes were kept', () => {
    const message = 'Something new happened.';
    expect(inItalian({ failureMessage: message, failureCode: 'SOMETHING_NEW', failureParams: {} })).toBe(message);
    expect(inItalian({ failureMessage: message, failureCode: null, failureParams: null })).toBe(message);
    expect(inItalian({ failureMessage: message, failureCode: 'RETRY_THROTTLED', failureParams: null })).toBe(message);
    expect(inItalian({ failureMessage: null, failureCode: null, failureParams: null })).toBeNull();
  });
});
