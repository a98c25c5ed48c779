import { describe, expect, it } from 'vitest';
import {
  EVERY_EXCHANGE_FAILURE,
  SERVER_SIDE_MAILBOX,
} from '../../../../../packages/domain/src/testing/exchange-failures.ts';
import { decideSyncFailure } from '../../../../../packages/domain/src/rules/mailbox-sync.rule.ts';
import {
  ALERT_KINDS,
  CHANNELS,
  NOT_APPROVED_ALERT,
  decideTestOutcome,
  failureAlert,
  type AlertDraft,
} from '../../../../../packages/domain/src/rules/mailbox-test.rule.ts';
import { i18n, type Translate } from '../../shared/i18n';
import { WORDED_ALERT_KINDS, alertMessage } from './alert-message';
import { alertsText } from './alerts.strings';

const textIn = (language: 'en' | 'it') =>
  i18n.getFixedT(language, alertsText.namespace) as unknown as Translate<typeof alertsText.en>;
const en = textIn('en');
const it_ = textIn('it');

const mailbox = SERVER_SIDE_MAILBOX;
const FAILURES = EVERY_EXCHANGE_FAILURE;

/** Every alert the rules raise, as the API hands it over (params through JSON). */
function raisedAlerts(): AlertDraft[] {
  const drafts: AlertDraft[] = [NOT_APPROVED_ALERT];
  for (const failure of Object.values(FAILURES)) {
    for (const channel of CHANNELS) drafts.push(failureAlert(mailbox, channel, failure));
  }
  const ok = { ok: true } as const;
  drafts.push(...decideTestOutcome(mailbox, { incoming: ok, outgoing: ok, act: ok }).alerts);
  drafts.push(...decideTestOutcome({ ...mailbox, outgoingMethod: 'NONE', actMethod: 'NONE' }, { incoming: ok }).alerts);
  drafts.push(
    ...decideTestOutcome({ ...mailbox, incomingMethod: 'NONE', outgoingMethod: 'NONE', actMethod: 'NONE' }, {}).alerts,
  );
  const repeated = decideSyncFailure(mailbox, 'incoming', FAILURES.TRANSIENT, 9);
  if (repeated.disable) drafts.push(repeated.alert);
  return drafts.map((draft) => ({ ...draft, params: JSON.parse(JSON.stringify(draft.params)) }));
}

const kindOf = (code: string) => (code.startsWith('PERMISSION_MISSING_') ? 'PERMISSION_MISSING' : code);

describe('mailbox alerts in the reader’s language', () => {
  it('words every kind of alert the rules raise', () => {
    const raised = new Set(raisedAlerts().map((alert) => kindOf(alert.code)));
    expect([...raised].sort()).toEqual([...ALERT_KINDS].sort());
    expect([...WORDED_ALERT_KINDS].sort()).toEqual([...ALERT_KINDS].sort());
  });

  it('says in English exactly what the API says', () => {
    for (const alert of raisedAlerts()) expect(alertMessage(en, alert)).toBe(alert.message);
  });

  it('says every alert in Italian, with its address, permission and channels', () => {
    for (const alert of raisedAlerts()) {
      const italian = alertMessage(it_, alert);
      expect(italian, alert.code).not.toBe(alert.message);
      expect(italian, alert.code).not.toMatch(/\{\{|\}\}|undefined/);
      if (alert.params.address) expect(italian).toContain(alert.params.address);
      if (alert.params.permission) expect(italian).toContain(alert.params.permission);
    }
    const permission = failureAlert(mailbox, 'outgoing', FAILURES.PERMISSION_MISSING);
    expect(alertMessage(it_, permission)).toBe(
      'La registrazione dell’app non ha l’autorizzazione dell’applicazione Mail.Send, necessaria per il canale Posta elettronica in uscita. Concedila (con il consenso amministratore) in Microsoft Entra ID, quindi esegui di nuovo Approva e testa.',
    );
    const ok = { ok: true } as const;
    const [succeeded] = decideTestOutcome(mailbox, { incoming: ok, outgoing: ok, act: ok }).alerts;
    expect(alertMessage(it_, succeeded!)).toBe(
      'Approva e testa è riuscito per ann@contoso.example. Canali ora sincronizzati con Exchange Online: Posta elettronica in arrivo; Posta elettronica in uscita; Appuntamenti, contatti e attività.',
    );
  });

  it('shows the API’s message for an alert it does not know or whose params are missing', () => {
    const unknown = { code: 'SOMETHING_NEW', message: 'Something new happened.', params: { address: 'a@b.example' } };
    expect(alertMessage(it_, unknown)).toBe('Something new happened.');
    const before = { ...failureAlert(mailbox, 'incoming', FAILURES.NOT_FOUND), params: null };
    expect(alertMessage(it_, before)).toBe(before.message);
    const noPermission = failureAlert(mailbox, 'incoming', { kind: 'PERMISSION_MISSING' });
    expect(alertMessage(it_, noPermission)).toBe(noPermission.message);
    const strangeChannel = { ...failureAlert(mailbox, 'act', FAILURES.TRANSIENT), params: { channel: 'fax' } };
    expect(alertMessage(it_, strangeChannel)).toBe(strangeChannel.message);
  });
});
