import { useCallback } from 'react';
import { useText } from '../../../shared/i18n';
import { alertMessage } from '../../mailboxes/alert-message';
import { alertsText } from '../../mailboxes/alerts.strings';
import type { NotificationItem } from '../graphql/notifications.graphql';
import { notificationText, type NotificationText } from '../notification-text';
import { notificationsText } from '../notifications.strings';

/** Words notifications in the reader's language; the component re-renders when it changes. */
export function useNotificationText(): (notification: NotificationItem) => NotificationText {
  const t = useText(notificationsText);
  const alerts = useText(alertsText);
  return useCallback(
    (notification) => notificationText(notification, t, (alert) => alertMessage(alerts, alert)),
    [t, alerts],
  );
}
