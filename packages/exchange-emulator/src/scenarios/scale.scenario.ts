import type { Recipient } from '@microsoft/microsoft-graph-types';
import type { UserRecord } from '../directory/directory.store.ts';
import { prng, sampleBodySize } from '../mail/body.generator.ts';
import { conversationIdFor, type StoredMessage } from '../mail/mail.store.ts';
import type { EmulatorState } from '../state/emulator.state.ts';
import { newContosoState } from './tenant.scenario.ts';

export interface ScaleOptions {
  mailboxes: number;
  messagesPerMailbox: number;
  seed: number;
}

const FIRST = [
  'Alice',
  'Bruno',
  'Chiara',
  'Dario',
  'Elena',
  'Fabio',
  'Giulia',
  'Hugo',
  'Irene',
  'Jonas',
  'Karin',
  'Luca',
  'Marta',
  'Nico',
  'Olga',
  'Pietro',
];
const LAST = [
  'Rossi',
  'Bianchi',
  'Weber',
  'Martin',
  'Novak',
  'Silva',
  'Jensen',
  'Costa',
  'Meyer',
  'Dubois',
  'Ricci',
  'Larsen',
];
const EXTERNAL_DOMAINS = [
  'fabrikam.example',
  'northwind.example',
  'adventure-works.example',
  'tailspin.example',
  'wingtip.example',
];
const TOPICS = [
  'Renewal',
  'Pricing update',
  'Pilot rollout',
  'Quarterly review',
  'Contract terms',
  'Onboarding plan',
  'Support escalation',
  'Demo follow-up',
  'Volume discount',
  'Invoice question',
];

/**
 * `scale`: `mailboxes` users with `messagesPerMailbox` messages each, deterministic from `seed`:
 * threads of one to five messages (replies carry In-Reply-To), several recipients, about a third
 * from outside the tenant, HTML bodies generated on read (median ~4 KB, tail to 100 KB).
 */
export function scaleState(options: ScaleOptions, deltaTtlMs: () => number): EmulatorState {
  const state = newContosoState(deltaTtlMs);
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const users: UserRecord[] = [];
  const width = String(options.mailboxes).length;
  for (let i = 0; i < options.mailboxes; i++) {
    const given = FIRST[i % FIRST.length]!;
    const surname = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const upn = `user${String(i + 1).padStart(width, '0')}@contoso.example`;
    const user: UserRecord = {
      id: `5ca1e000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
      displayName: `${given} ${surname}`,
      givenName: given,
      surname,
      userPrincipalName: upn,
      mail: upn,
      jobTitle: 'Account Executive',
      officeLocation: null,
      mobilePhone: null,
      businessPhones: [],
      preferredLanguage: 'en-US',
      exchangeLicense: true,
      mailboxEnabled: true,
      licenseAssignedAt: '2024-01-15T00:00:00Z',
    };
    users.push(user);
    state.directory.addUser(user);
  }
  const externals: Recipient[] = [];
  for (let i = 0; i < 200; i++) {
    const given = pick(FIRST);
    const surname = pick(LAST);
    externals.push({
      emailAddress: {
        name: `${given} ${surname}`,
        address: `${given}.${surname}${i}@${pick(EXTERNAL_DOMAINS)}`.toLowerCase(),
      },
    });
  }
  const asRecipient = (user: UserRecord): Recipient => ({
    emailAddress: { name: user.displayName, address: user.mail },
  });
  const base = Date.UTC(2024, 0, 1);
  const span = 365 * 86_400_000;

  for (const owner of users) {
    const mail = state.data(owner).mail;
    const inbox = mail.wellKnownFolder('inbox').id;
    const sent = mail.wellKnownFolder('sentitems').id;
    const archive = mail.wellKnownFolder('archive').id;
    const me = asRecipient(owner);
    let made = 0;
    let thread = 0;
    while (made < options.messagesPerMailbox) {
      thread++;
      const external = random() < 0.35;
      const counterpart = external || users.length === 1 ? pick(externals) : asRecipient(pick(users));
      const others = Array.from({ length: Math.floor(random() * 3) }, () =>
        random() < 0.5 ? pick(externals) : asRecipient(pick(users)),
      );
      const subject = `${pick(TOPICS)} #${options.seed}-${owner.id.slice(-6)}-${thread}`;
      const length = Math.min(options.messagesPerMailbox - made, 1 + Math.floor(random() * 5));
      let at = base + Math.floor(random() * span);
      let parent: string | null = null;
      let references: string | null = null;
      let root = '';
      for (let n = 0; n < length; n++) {
        const outgoing = n % 2 === 1;
        const from = outgoing ? me : counterpart;
        const domain = (from.emailAddress?.address ?? '').split('@')[1];
        const internetMessageId = `<S${options.seed}.${owner.id.slice(-6)}.${thread}.${n}@${domain}>`;
        if (n === 0) root = internetMessageId;
        const when = new Date(at).toISOString();
        const message: StoredMessage = {
          key: state.ids.next('immutable'),
          id: state.ids.next('message'),
          folderId: outgoing ? sent : random() < 0.1 ? archive : inbox,
          version: 1,
          internetMessageId,
          conversationId: conversationIdFor(root),
          inReplyTo: parent,
          references,
          subject: n === 0 ? subject : `RE: ${subject}`,
          body: { seed: (options.seed * 1_000_003 + made) >>> 0, bytes: sampleBodySize(random) },
          from,
          sender: from,
          toRecipients: outgoing ? [counterpart] : [me],
          ccRecipients: others,
          bccRecipients: [],
          replyTo: [],
          createdDateTime: when,
          lastModifiedDateTime: when,
          receivedDateTime: when,
          sentDateTime: when,
          isRead: outgoing || random() < 0.7,
          isDraft: false,
          importance: random() < 0.05 ? 'high' : 'normal',
          inferenceClassification: 'focused',
          categories: [],
          flagStatus: 'notFlagged',
          extended: undefined,
        };
        mail.insert(message, false);
        references = references ? `${references} ${internetMessageId}` : internetMessageId;
        parent = internetMessageId;
        at += 600_000 + Math.floor(random() * 86_400_000);
        made++;
      }
    }
  }
  return state;
}
