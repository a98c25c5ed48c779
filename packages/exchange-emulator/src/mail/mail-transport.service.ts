import { randomBytes } from 'node:crypto';
import type { ItemBody, Recipient } from '@microsoft/microsoft-graph-types';
import type { UserRecord } from '../directory/directory.store.ts';
import type { EmulatorState } from '../state/emulator.state.ts';
import { conversationIdFor, type LazyBody, type StoredMessage } from './mail.store.ts';

export interface Envelope {
  from: Recipient;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  subject: string;
  body: ItemBody | LazyBody;
  importance: StoredMessage['importance'];
  categories: string[];
  internetMessageId: string;
  inReplyTo: string | null;
}

export interface DeliveryReport {
  internetMessageId: string;
  conversationId: string;
  delivered: { userId: string; userPrincipalName: string; messageId: string }[];
  sentOutside: string[];
  undeliverable: string[];
}

export function newInternetMessageId(domain: string): string {
  return `<${randomBytes(12).toString('hex').toUpperCase()}@${domain}>`;
}

export function addressOf(recipient: Recipient): string {
  return recipient.emailAddress?.address ?? '';
}

/** The conversation a message joins: its parent's when known, else one rooted at the parent's or its own id. */
function threadOf(state: EmulatorState, envelope: Envelope): { conversationId: string; references: string | null } {
  if (!envelope.inReplyTo) return { conversationId: conversationIdFor(envelope.internetMessageId), references: null };
  const known = state.conversations.get(envelope.inReplyTo);
  return { conversationId: known ?? conversationIdFor(envelope.inReplyTo), references: envelope.inReplyTo };
}

/** A message record for one mailbox copy; the caller sets folder and flags. */
export function newMessage(
  state: EmulatorState,
  envelope: Envelope,
  folderId: string,
  at: string,
  extra: Partial<StoredMessage> = {},
): StoredMessage {
  const key = state.ids.next('immutable');
  const thread = threadOf(state, envelope);
  return {
    key,
    id: state.ids.next('message'),
    folderId,
    version: 1,
    internetMessageId: envelope.internetMessageId,
    conversationId: thread.conversationId,
    inReplyTo: envelope.inReplyTo,
    references: thread.references,
    subject: envelope.subject,
    body: envelope.body,
    from: envelope.from,
    sender: envelope.from,
    toRecipients: envelope.toRecipients,
    ccRecipients: envelope.ccRecipients,
    bccRecipients: [],
    replyTo: envelope.replyTo,
    createdDateTime: at,
    lastModifiedDateTime: at,
    receivedDateTime: at,
    sentDateTime: at,
    isRead: false,
    isDraft: false,
    importance: envelope.importance,
    inferenceClassification: 'focused',
    categories: [],
    flagStatus: 'notFlagged',
    extended: undefined,
    ...extra,
  };
}

/**
 * Routes a sent message: a copy in the Inbox of every tenant recipient with a mailbox, a record
 * for every address outside the tenant, and one for tenant addresses that cannot receive mail.
 */
export function transport(state: EmulatorState, envelope: Envelope, at: string): DeliveryReport {
  const thread = threadOf(state, envelope);
  state.conversations.set(envelope.internetMessageId, thread.conversationId);
  const report: DeliveryReport = {
    internetMessageId: envelope.internetMessageId,
    conversationId: thread.conversationId,
    delivered: [],
    sentOutside: [],
    undeliverable: [],
  };
  const seen = new Set<string>();
  for (const recipient of [...envelope.toRecipients, ...envelope.ccRecipients, ...envelope.bccRecipients]) {
    const address = addressOf(recipient).toLowerCase();
    if (!address || seen.has(address)) continue;
    seen.add(address);
    const user = state.directory.findByAddress(address);
    if (user && state.directory.hasMailbox(user)) {
      const mail = state.data(user).mail;
      const copy = mail.insert(newMessage(state, envelope, mail.wellKnownFolder('inbox').id, at));
      report.delivered.push({ userId: user.id, userPrincipalName: user.userPrincipalName, messageId: copy.id });
    } else if (state.directory.isTenantDomain(address)) {
      report.undeliverable.push(address);
    } else {
      report.sentOutside.push(address);
    }
  }
  const record = (to: string[]) => ({
    internetMessageId: envelope.internetMessageId,
    from: addressOf(envelope.from),
    to,
    cc: envelope.ccRecipients.map(addressOf),
    bcc: envelope.bccRecipients.map(addressOf),
    subject: envelope.subject,
    sentDateTime: at,
  });
  if (report.sentOutside.length > 0) state.recordOutbound(record(report.sentOutside), true);
  if (report.undeliverable.length > 0) state.recordOutbound(record(report.undeliverable), false);
  return report;
}

/** Sends from a tenant mailbox: the copy in Sent Items (unless not wanted), then transport. */
export function sendFrom(
  state: EmulatorState,
  sender: UserRecord,
  envelope: Envelope,
  options: { saveToSentItems: boolean; extended: StoredMessage['extended']; categories: string[] },
): DeliveryReport {
  const at = new Date().toISOString();
  if (options.saveToSentItems) {
    const mail = state.data(sender).mail;
    mail.insert(
      newMessage(state, envelope, mail.wellKnownFolder('sentitems').id, at, {
        isRead: true,
        bccRecipients: envelope.bccRecipients,
        extended: options.extended,
        categories: options.categories,
      }),
    );
  }
  return transport(state, envelope, at);
}
