import { defineStrings } from '../../shared/i18n.ts';

/**
 * Mailbox alerts worded from their code and params (`alert-message.ts`); English says exactly what
 * the API's message says. A bundle of its own: the header's notification bell words alerts too,
 * and should not bring the whole Mailboxes bundle into the console's first load.
 */
export const alertsText = defineStrings(
  'alerts',
  {
    'alert.NO_EXCHANGE_MAILBOX':
      'Exchange Online has no active mailbox for {{address}}: the user has no Exchange Online licence, or the mailbox is inactive or on-premises. Assign an Exchange Online licence in the Microsoft 365 admin center, then run Approve and test again.',
    'alert.MAILBOX_NOT_FOUND':
      "No user or mailbox {{address}} exists in the connected tenant. Check the mailbox's email address, or import users from the directory again, then run Approve and test again.",
    'alert.PERMISSION_MISSING':
      'The app registration has no {{permission}} application permission, which {{channel}} needs. Grant it (with admin consent) in Microsoft Entra ID, then run Approve and test again.',
    'alert.ACCESS_POLICY_DENIED':
      "An Exchange Online application access policy denies the app access to {{address}}. Add the mailbox to the policy's mail-enabled security group (changes can take up to an hour to apply), then run Approve and test again.",
    'alert.CREDENTIALS_INVALID':
      "Microsoft Entra ID rejected the app's credentials. Check the tenant id, client id and client secret on the email server profile (the secret may have expired), then run Approve and test again.",
    'alert.EXCHANGE_UNREACHABLE':
      'Exchange Online did not answer the {{channel}} test after several attempts (busy or unavailable). Nothing needs changing on your side; then run Approve and test again.',
    'alert.TEST_REJECTED':
      "Exchange Online rejected the {{channel}} test as invalid. Check the email server profile's Graph endpoint, then run Approve and test again.",
    'alert.TEST_SUCCEEDED':
      'Approve and test succeeded for {{address}}: {{channels}} now synchronise with Exchange Online.',
    'alert.NOTHING_TO_TEST':
      'No channel of {{address}} uses server-side synchronisation, so there was nothing to test. Set incoming, outgoing or appointments, contacts and tasks to server-side synchronisation (Configure email does this), then run Approve and test again.',
    'alert.MAILBOX_NOT_APPROVED':
      'The mailbox is not approved, so it cannot be tested and enabled. Use Approve and test mailboxes (administrators), which approves it first.',
    'alert.SYNC_REPEATEDLY_FAILED':
      'Synchronising {{address}} failed {{failures}} times in a row (Exchange Online busy or unavailable, or a message Mailroom could not store — the worker log says which), so Mailroom stopped processing this mailbox. Check the service health in the Microsoft 365 admin center, then run Approve and test on the mailbox to start again.',
    'alert.channel.incoming': 'incoming email',
    'alert.channel.outgoing': 'outgoing email',
    'alert.channel.act': 'appointments, contacts and tasks',
    // Between the channels a test enabled; Italian's names contain commas of their own.
    'alert.channelSeparator': ', ',
  },
  {
    'alert.NO_EXCHANGE_MAILBOX':
      'Exchange Online non ha una cassetta postale attiva per {{address}}: l’utente non ha una licenza di Exchange Online oppure la cassetta postale è inattiva o locale. Assegna una licenza di Exchange Online nell’interfaccia di amministrazione di Microsoft 365, quindi esegui di nuovo Approva e testa.',
    'alert.MAILBOX_NOT_FOUND':
      'Nel tenant connesso non esiste alcun utente o cassetta postale {{address}}. Controlla l’indirizzo e-mail della cassetta postale oppure importa di nuovo gli utenti dalla directory, quindi esegui di nuovo Approva e testa.',
    'alert.PERMISSION_MISSING':
      'La registrazione dell’app non ha l’autorizzazione dell’applicazione {{permission}}, necessaria per il canale {{channel}}. Concedila (con il consenso amministratore) in Microsoft Entra ID, quindi esegui di nuovo Approva e testa.',
    'alert.ACCESS_POLICY_DENIED':
      'Un criterio di accesso alle applicazioni di Exchange Online nega all’app l’accesso a {{address}}. Aggiungi la cassetta postale al gruppo di sicurezza abilitato alla posta elettronica indicato nel criterio (le modifiche possono richiedere fino a un’ora per essere applicate), quindi esegui di nuovo Approva e testa.',
    'alert.CREDENTIALS_INVALID':
      'Microsoft Entra ID ha rifiutato le credenziali dell’app. Controlla l’ID tenant, l’ID client e il segreto client nel profilo del server di posta elettronica (il segreto potrebbe essere scaduto), quindi esegui di nuovo Approva e testa.',
    'alert.EXCHANGE_UNREACHABLE':
      'Exchange Online non ha risposto al test del canale {{channel}} dopo diversi tentativi (servizio occupato o non disponibile). Non devi modificare nulla: esegui di nuovo Approva e testa.',
    'alert.TEST_REJECTED':
      'Exchange Online ha rifiutato il test del canale {{channel}} perché non valido. Controlla l’endpoint Graph del profilo del server di posta elettronica, quindi esegui di nuovo Approva e testa.',
    'alert.TEST_SUCCEEDED':
      'Approva e testa è riuscito per {{address}}. Canali ora sincronizzati con Exchange Online: {{channels}}.',
    'alert.NOTHING_TO_TEST':
      'Nessun canale di {{address}} usa la sincronizzazione lato server, quindi non c’era nulla da testare. Imposta la sincronizzazione lato server per la posta in arrivo, la posta in uscita o appuntamenti, contatti e attività (Configura posta elettronica lo fa per te), quindi esegui di nuovo Approva e testa.',
    'alert.MAILBOX_NOT_APPROVED':
      'La cassetta postale non è approvata, quindi non può essere testata e abilitata. Usa Approva e testa cassette postali (riservato agli amministratori), che prima la approva.',
    'alert.SYNC_REPEATEDLY_FAILED':
      'La sincronizzazione di {{address}} non è riuscita {{failures, number}} volte di seguito (Exchange Online occupato o non disponibile, oppure un messaggio che Mailroom non è riuscito ad archiviare: il log del worker indica quale dei due), quindi Mailroom ha interrotto l’elaborazione di questa cassetta postale. Controlla lo stato del servizio nell’interfaccia di amministrazione di Microsoft 365, quindi esegui Approva e testa sulla cassetta postale per riattivarla.',
    'alert.channel.incoming': 'Posta elettronica in arrivo',
    'alert.channel.outgoing': 'Posta elettronica in uscita',
    'alert.channel.act': 'Appuntamenti, contatti e attività',
    'alert.channelSeparator': '; ',
  },
);
