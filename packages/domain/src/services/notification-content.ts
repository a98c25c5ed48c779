import type { AlertParams } from '../rules/mailbox-test.rule.ts';

/**
 * What each notification says, and the data it carries. `title` and `message` are English, for API
 * clients; `data` holds every value the wording needs, so the console words the same notification
 * in the reader's language from `kind` and `data`.
 */
export const NOTIFICATION_KINDS = ['MAILBOX_ALERT', 'PROFILE_FAILING'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * What happened to the mailbox a MAILBOX_ALERT notification is about (`data.event`): Approve and
 * test enabled it or found a problem, or Mailroom stopped processing its email, or its appointments,
 * contacts and tasks.
 */
export const MAILBOX_NOTIFICATION_EVENTS = ['ENABLED', 'NEEDS_ATTENTION', 'EMAIL_STOPPED', 'ACT_STOPPED'] as const;
export type MailboxNotificationEvent = (typeof MAILBOX_NOTIFICATION_EVENTS)[number];

export interface NotificationContent {
  kind: NotificationKind;
  title: string;
  message: string;
  data: Record<string, unknown>;
}

const MAILBOX_TITLES: Record<MailboxNotificationEvent, (emailAddress: string) => string> = {
  ENABLED: () => 'Your mailbox is enabled',
  NEEDS_ATTENTION: () => 'Your mailbox needs attention',
  EMAIL_STOPPED: (emailAddress) => `Mailroom stopped processing ${emailAddress}`,
  ACT_STOPPED: (emailAddress) => `Mailroom stopped syncing appointments, contacts and tasks of ${emailAddress}`,
};

/** A mailbox's alert, told to a user: the alert's message is the body, worded from its code and params. */
export function mailboxAlertNotification(
  event: MailboxNotificationEvent,
  mailbox: { id: string; emailAddress: string },
  alert: { id: string | null; code: string; severity: string; message: string; params: AlertParams },
): NotificationContent {
  return {
    kind: 'MAILBOX_ALERT',
    title: MAILBOX_TITLES[event](mailbox.emailAddress),
    message: alert.message,
    data: {
      mailboxId: mailbox.id,
      alertId: alert.id,
      code: alert.code,
      severity: alert.severity,
      params: alert.params,
      event,
      emailAddress: mailbox.emailAddress,
    },
  };
}

/** Most mailboxes of an email server profile failed within the hour. */
export function profileFailingNotification(profile: {
  profileId: string;
  name: string;
  failing: number;
  total: number;
}): NotificationContent {
  return {
    kind: 'PROFILE_FAILING',
    title: `Most mailboxes of the profile "${profile.name}" are failing`,
    message: `${profile.failing} of ${profile.total} mailboxes using the email server profile "${profile.name}" failed in the last hour. Check the profile's credentials, endpoints and the app's permissions in Microsoft Entra ID; the mailboxes' alerts say what Exchange answered.`,
    data: { profileId: profile.profileId, profileName: profile.name, failing: profile.failing, total: profile.total },
  };
}
