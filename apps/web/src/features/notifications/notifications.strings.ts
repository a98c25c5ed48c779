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
    allMarkedRead: 'All notifications marked as read',
    // Worded from the notification's kind and data; English says exactly what the API's title and message say.
    'kind.MAILBOX_ALERT.ENABLED': 'Your mailbox is enabled',
    'kind.MAILBOX_ALERT.NEEDS_ATTENTION': 'Your mailbox needs attention',
    'kind.MAILBOX_ALERT.EMAIL_STOPPED': 'Mailroom stopped processing {{emailAddress}}',
    'kind.MAILBOX_ALERT.ACT_STOPPED': 'Mailroom stopped syncing appointments, contacts and tasks of {{emailAddress}}',
    'kind.PROFILE_FAILING.title': 'Most mailboxes of the profile "{{name}}" are failing',
    'kind.PROFILE_FAILING.body_one':
      "{{failing, number}} of {{total, number}} mailboxes using the email server profile \"{{name}}\" failed in the last hour. Check the profile's credentials, endpoints and the app's permissions in Microsoft Entra ID; the mailboxes' alerts say what Exchange answered.",
    'kind.PROFILE_FAILING.body_other':
      "{{failing, number}} of {{total, number}} mailboxes using the email server profile \"{{name}}\" failed in the last hour. Check the profile's credentials, endpoints and the app's permissions in Microsoft Entra ID; the mailboxes' alerts say what Exchange answered.",
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
    allMarkedRead: 'Tutte le notifiche sono state segnate come lette',
    'kind.MAILBOX_ALERT.ENABLED': 'La tua cassetta postale è abilitata',
    'kind.MAILBOX_ALERT.NEEDS_ATTENTION': 'La tua cassetta postale richiede attenzione',
    'kind.MAILBOX_ALERT.EMAIL_STOPPED': 'Mailroom ha interrotto l’elaborazione di {{emailAddress}}',
    'kind.MAILBOX_ALERT.ACT_STOPPED':
      'Mailroom ha interrotto la sincronizzazione di appuntamenti, contatti e attività di {{emailAddress}}',
    'kind.PROFILE_FAILING.title': 'La maggior parte delle cassette postali del profilo “{{name}}” ha errori',
    'kind.PROFILE_FAILING.body_one':
      'Nell’ultima ora {{failing, number}} cassetta postale su {{total, number}} che usa il profilo del server di posta elettronica “{{name}}” ha avuto errori. Controlla le credenziali e gli endpoint del profilo e le autorizzazioni dell’app in Microsoft Entra ID; gli avvisi delle cassette postali riportano la risposta di Exchange.',
    'kind.PROFILE_FAILING.body_other':
      'Nell’ultima ora {{failing, number}} cassette postali su {{total, number}} che usano il profilo del server di posta elettronica “{{name}}” hanno avuto errori. Controlla le credenziali e gli endpoint del profilo e le autorizzazioni dell’app in Microsoft Entra ID; gli avvisi delle cassette postali riportano la risposta di Exchange.',
  },
);
