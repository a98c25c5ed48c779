import { defineStrings } from '../../shared/i18n.ts';

/** The header's notification bell and the notifications page. */
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
    seeAll: 'See all notifications',
    intro:
      'What Mailroom told you about your mailboxes and the jobs you started, newest first. New ones appear here as they arrive.',
    actions: 'Notification actions',
    total_one: '{{count}} notification, {{unread}} unread',
    total_other: '{{count}} notifications, {{unread}} unread',
    unreadBadge: 'Unread',
    loading: 'Loading notifications…',
    loadFailed: 'Your notifications could not be loaded',
    markFailed: 'The notifications were not marked as read',
    loadMore: 'Load more',
    loadingMore: 'Loading…',
  },
  {
    heading: 'Notifiche',
    markAllRead: 'Segna tutte come lette',
    empty: 'Non hai notifiche.',
    unreadMarker: ' (non letta)',
    noneUnread: 'Nessuna notifica da leggere',
    unread_one: '{{count}} non letta',
    unread_other: '{{count}} non lette',
    seeAll: 'Vedi tutte le notifiche',
    intro:
      'Quello che Mailroom ti ha segnalato sulle tue cassette postali e sui processi che hai avviato, dal più recente. Le nuove notifiche compaiono qui appena arrivano.',
    actions: 'Azioni sulle notifiche',
    total_one: '{{count}} notifica, {{unread}} da leggere',
    total_other: '{{count}} notifiche, {{unread}} da leggere',
    unreadBadge: 'Da leggere',
    loading: 'Caricamento delle notifiche…',
    loadFailed: 'Non è stato possibile caricare le tue notifiche',
    markFailed: 'Le notifiche non sono state segnate come lette',
    loadMore: 'Carica altre',
    loadingMore: 'Caricamento…',
  },
);
