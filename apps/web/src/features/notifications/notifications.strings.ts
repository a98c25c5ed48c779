import { defineStrings } from '../../shared/i18n.ts';

/** The header's notification bell. */
export const notificationsText = defineStrings(
  'notifications',
  {
    heading: 'Notifications',
    markAllRead: 'Mark all as read',
    empty: 'You have no notifications.',
    unreadMarker: ' (unread)',
    noneUnread: 'No unread notifications',
    unread_one: '{{count}} unread',
    unread_other: '{{count}} unread',
  },
  {
    heading: 'Notifiche',
    markAllRead: 'Segna tutte come lette',
    empty: 'Non hai notifiche.',
    unreadMarker: ' (non letta)',
    noneUnread: 'Nessuna notifica da leggere',
    unread_one: '{{count}} non letta',
    unread_other: '{{count}} non lette',
  },
);
