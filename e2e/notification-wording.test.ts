// Every notification the server can write, worded by the console in each language: English exactly
// as the API's title and message (so English readers see no change), Italian in Italian. The
// notifications come from the domain's own builders, so data lacking a value a wording needs fails here.
import {
  MAILBOX_NOTIFICATION_EVENTS,
  NOTIFICATION_KINDS,
  decideSyncFailure,
  decideTestOutcome,
  mailboxAlertNotification,
  profileFailingNotification,
  type MailboxUnderTest,
  type NotificationContent,
} from '@mailroom/domain';
import { describe, expect, it } from 'vitest';
import { alertMessage } from '../apps/web/src/features/mailboxes/alert-message.ts';
import { alertsText } from '../apps/web/src/features/mailboxes/alerts.strings.ts';
import { notificationText } from '../apps/web/src/features/notifications/notification-text.ts';
import { notificationsText } from '../apps/web/src/features/notifications/notifications.strings.ts';
import { i18n, type Language, type StringBundle, type Strings, type Translate } from '../apps/web/src/shared/i18n.ts';

const textIn = <E extends Strings>(bundle: StringBundle<E>, language: Language) =>
  i18n.getFixedT(language, bundle.namespace) as unknown as Translate<E>;

const inConsole = (notification: NotificationContent, language: Language) => {
  const alerts = textIn(alertsText, language);
  // As the API delivers it: data through JSON.
  const delivered = { ...notification, data: JSON.parse(JSON.stringify(notification.data)) as Record<string, unknown> };
  return notificationText(delivered, textIn(notificationsText, language), (alert) => alertMessage(alerts, alert));
};

const mailbox: MailboxUnderTest & { id: string } = {
  id: '0b6c1f52-8a47-4d3e-9a38-2f3b1e7c9d10',
  emailAddress: 'sales.pro@contoso.example',
  incomingMethod: 'SERVER_SIDE_SYNC',
  outgoingMethod: 'SERVER_SIDE_SYNC',
  actMethod: 'SERVER_SIDE_SYNC',
};
const passed = decideTestOutcome(mailbox, { incoming: { ok: true }, outgoing: { ok: true }, act: { ok: true } })
  .alerts[0]!;
const failed = decideTestOutcome(mailbox, {
  incoming: { ok: false, failure: { kind: 'NOT_FOUND' } },
  outgoing: { ok: true },
  act: { ok: true },
}).alerts[0]!;
const stopped = decideSyncFailure(mailbox, 'incoming', { kind: 'TRANSIENT' }, 9);
const actStopped = decideSyncFailure(mailbox, 'act', { kind: 'AUTH_FAILED' }, 0);
if (!stopped.disable || !actStopped.disable) throw new Error('both failures should stop the mailbox');
const withId = (alert: typeof passed) => ({ ...alert, id: 'a1' });

/** One notification of every kind and event the server writes, as it writes them. */
const SAMPLES: NotificationContent[] = [
  mailboxAlertNotification('ENABLED', mailbox, withId(passed)),
  mailboxAlertNotification('NEEDS_ATTENTION', mailbox, withId(failed)),
  mailboxAlertNotification('EMAIL_STOPPED', mailbox, withId(stopped.alert)),
  mailboxAlertNotification('ACT_STOPPED', mailbox, withId(actStopped.alert)),
  profileFailingNotification({ profileId: 'p1', name: 'Exchange Online', failing: 3, total: 4 }),
  profileFailingNotification({ profileId: 'p1', name: 'Exchange Online', failing: 1, total: 1 }),
];

describe('notifications in the reader’s language', () => {
  it('has a sample of every kind and mailbox event the server writes', () => {
    expect(new Set(SAMPLES.map(({ kind }) => kind))).toEqual(new Set(NOTIFICATION_KINDS));
    expect(new Set(SAMPLES.map(({ data }) => data.event).filter(Boolean))).toEqual(
      new Set(MAILBOX_NOTIFICATION_EVENTS),
    );
  });

  it.each(SAMPLES.map((sample) => [`${sample.kind} ${String(sample.data.event ?? '')}`, sample] as const))(
    'words %s in English as the API does, and in Italian',
    (_, sample) => {
      expect(inConsole(sample, 'en')).toEqual({ title: sample.title, body: sample.message });
      const italian = inConsole(sample, 'it');
      expect(italian.title).not.toBe(sample.title);
      expect(italian.body).not.toBe(sample.message);
      expect(`${italian.title} ${italian.body}`).not.toMatch(/\{\{|kind\.|alert\./);
    },
  );

  it('keeps the API’s text for a kind it does not know, or data written before it carried the wording’s values', () => {
    const unknown = { kind: 'SOMETHING_NEW', title: 'Something new', message: 'It happened.', data: {} };
    expect(inConsole(unknown as unknown as NotificationContent, 'it')).toEqual({
      title: 'Something new',
      body: 'It happened.',
    });
    const old = {
      kind: 'PROFILE_FAILING' as const,
      title: 'Most mailboxes of the profile "X" are failing',
      message: '3 of 4 mailboxes…',
      data: { profileId: 'p1', failing: 3, total: 4 },
    };
    expect(inConsole(old, 'it')).toEqual({ title: old.title, body: old.message });
    const oldAlert = {
      kind: 'MAILBOX_ALERT' as const,
      title: 'Your mailbox needs attention',
      message: 'Exchange said no.',
      data: { mailboxId: mailbox.id, alertId: 'a1', code: 'MAILBOX_NOT_FOUND', severity: 'ERROR' },
    };
    expect(inConsole(oldAlert, 'it')).toEqual({ title: oldAlert.title, body: oldAlert.message });
  });
});
