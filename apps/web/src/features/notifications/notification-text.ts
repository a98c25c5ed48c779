import type { Translate } from '../../shared/i18n.ts';
import type { notificationsText } from './notifications.strings.ts';

/** What a notification says, in the reader's language. */
export interface NotificationText {
  title: string;
  body: string;
}

/** A mailbox alert in the reader's language (the Mailboxes area's `alertMessage`). */
export type AlertWording = (alert: { code: string; message: string; params: Record<string, unknown> | null }) => string;

const MAILBOX_EVENTS = ['ENABLED', 'NEEDS_ATTENTION', 'EMAIL_STOPPED', 'ACT_STOPPED'] as const;

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A notification in the reader's language, from its kind and data. The server's English title and
 * message stand in for what the console cannot word: a kind it does not know, or data without
 * what the wording needs (notifications written before their data carried it).
 */
export function notificationText(
  notification: { kind: string; title: string; message: string; data: Record<string, unknown> },
  t: Translate<typeof notificationsText.en>,
  wordAlert: AlertWording,
): NotificationText {
  const { data } = notification;
  const fallback = { title: notification.title, body: notification.message };
  switch (notification.kind) {
    case 'MAILBOX_ALERT': {
      const { event, emailAddress, code, params } = data;
      if (!MAILBOX_EVENTS.some((known) => known === event) || !isString(emailAddress)) return fallback;
      return {
        title: t(`kind.MAILBOX_ALERT.${event as (typeof MAILBOX_EVENTS)[number]}`, { emailAddress }),
        // The body is the alert's message: worded as the mailbox page words it.
        body: isString(code)
          ? wordAlert({ code, message: notification.message, params: isObject(params) ? params : null })
          : notification.message,
      };
    }
    case 'PROFILE_FAILING': {
      const { profileName, failing, total } = data;
      if (!isString(profileName) || !isCount(failing) || !isCount(total)) return fallback;
      return {
        title: t('kind.PROFILE_FAILING.title', { name: profileName }),
        body: t('kind.PROFILE_FAILING.body', { name: profileName, failing, total, count: total }),
      };
    }
    default:
      return fallback;
  }
}
