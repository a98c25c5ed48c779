import type { NotificationItem } from './graphql/notifications.graphql';

/**
 * Where a notification points, from the ids its data carries: a mailbox's alert opens the mailbox.
 * Others have no page of their own to open (a job has none; a failing profile's page is for
 * administrators, and its owner may not be one).
 */
export function notificationLink(notification: Pick<NotificationItem, 'data'>): string | null {
  const { mailboxId } = notification.data;
  return typeof mailboxId === 'string' ? `/mailboxes/${mailboxId}` : null;
}
