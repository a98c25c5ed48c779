import { useCallback } from 'react';
import { useText } from '../../../shared/i18n';
import { alertMessage } from '../../mailboxes/alert-message';
import { mailboxesText } from '../../mailboxes/mailboxes.strings';
import type { NotificationItem } from '../graphql/notifications.graphql';
import { notificationText, type NotificationText } from '../notification-text';
import { notificationsText } from '../notifications.strings';

/** Words notifications in the reader's language; the component re-renders when it changes. */
export function useNotificationText(): (notification: NotificationItem) => NotificationText {
  const t = useText(notificationsText);
  const mailboxes = useText(mailboxesText);
  return useCallback(
    (notification) => notificationText(notification, t, (alert) => alertMessage(mailboxes, alert)),
    [t, mailboxes],
  );
}
