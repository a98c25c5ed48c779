import type {
  MailAddress,
  MailDeltaOptions,
  MailDeltaPage,
  MailFolderInfo,
  MailMessage,
  OutgoingMail,
  SentMail,
} from '@mailroom/domain';
import type { MailFolder, Message, Recipient } from '@microsoft/microsoft-graph-types';
import type { GraphAdapter } from './graph-adapter.ts';
import { GraphAdapterError } from './graph-errors.ts';
import { segment } from './graph-transport.ts';
import { MAILROOM_ID_PROPERTY } from './mail-messages.ts';

/**
 * The mail half of the domain's Exchange port: Graph's message shapes become the domain's
 * `MailMessage`, so nothing outside this package reads Graph JSON.
 */

function address(recipient: Recipient | null | undefined): MailAddress | null {
  const value = recipient?.emailAddress?.address;
  if (!value) return null;
  return { address: value, name: recipient?.emailAddress?.name ?? null };
}

function addresses(recipients: Recipient[] | null | undefined): MailAddress[] {
  return (recipients ?? []).map(address).filter((a): a is MailAddress => a !== null);
}

function date(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}

function header(message: Message, name: string): string | null {
  const found = message.internetMessageHeaders?.find((h) => h.name?.toLowerCase() === name.toLowerCase());
  return found?.value?.trim() || null;
}

export function toMailMessage(message: Message & { id: string }): MailMessage {
  const mailroomId =
    message.singleValueExtendedProperties?.find((p) => p.id?.toLowerCase() === MAILROOM_ID_PROPERTY.toLowerCase())
      ?.value ?? null;
  const mail: MailMessage = {
    id: message.id,
    internetMessageId: message.internetMessageId ?? null,
    conversationId: message.conversationId ?? null,
    folderId: message.parentFolderId ?? null,
    subject: message.subject ?? '',
    from: address(message.from) ?? address(message.sender),
    to: addresses(message.toRecipients),
    cc: addresses(message.ccRecipients),
    bcc: addresses(message.bccRecipients),
    receivedAt: date(message.receivedDateTime),
    sentAt: date(message.sentDateTime),
    lastModifiedAt: date(message.lastModifiedDateTime),
    body: {
      contentType: message.body?.contentType === 'text' ? 'text' : 'html',
      content: message.body?.content ?? '',
    },
    preview: message.bodyPreview ?? '',
    categories: message.categories ?? [],
    isDraft: message.isDraft ?? false,
    mailroomId,
  };
  if (message.internetMessageHeaders) mail.inReplyTo = header(message, 'In-Reply-To');
  return mail;
}

/** Folder paths from the flattened tree: `Inbox/Customers`, with the root's children at the top. */
export function folderPaths(folders: MailFolder[]): MailFolderInfo[] {
  const byId = new Map(folders.filter((f) => f.id).map((f) => [f.id!, f]));
  const pathOf = (folder: MailFolder, depth = 0): string => {
    const parent = folder.parentFolderId ? byId.get(folder.parentFolderId) : undefined;
    const name = folder.displayName ?? '';
    return parent && depth < 32 ? `${pathOf(parent, depth + 1)}/${name}` : name;
  };
  return [...byId.values()].map((folder) => ({
    id: folder.id!,
    displayName: folder.displayName ?? '',
    path: pathOf(folder),
    parentFolderId: folder.parentFolderId ?? null,
  }));
}

async function* mailPages(
  adapter: GraphAdapter,
  mailbox: string,
  folder: string,
  options: MailDeltaOptions,
): AsyncGenerator<MailDeltaPage, void, undefined> {
  for await (const page of adapter.messageDelta(mailbox, folder, options)) {
    yield {
      messages: page.items.filter((m): m is Message & { id: string } => Boolean(m.id)).map(toMailMessage),
      removedIds: page.removedIds,
      cursor: (page.nextCursor ?? page.deltaCursor)!,
      complete: page.deltaCursor !== undefined,
    };
  }
}

function htmlOf(mail: OutgoingMail) {
  const recipients = (list: MailAddress[]) =>
    list.map((a) => ({ emailAddress: { address: a.address, ...(a.name ? { name: a.name } : {}) } }));
  return {
    ...(mail.internetMessageId ? { internetMessageId: mail.internetMessageId } : {}),
    subject: mail.subject,
    body: { contentType: 'html' as const, content: mail.bodyHtml },
    toRecipients: recipients(mail.to),
    ccRecipients: recipients(mail.cc),
  };
}

/** Mail operations of the domain port, over one adapter. Errors stay GraphAdapterErrors (translated by the caller). */
export function mailGatewayOver(adapter: GraphAdapter) {
  return {
    messageDelta: (mailbox: string, folder: string, options: MailDeltaOptions = {}) =>
      mailPages(adapter, mailbox, folder, options),
    async inReplyTo(mailbox: string, messageIds: readonly string[]) {
      const results = await adapter.batch(
        mailbox,
        messageIds.map((id) => ({
          method: 'GET' as const,
          url: `/users/${segment(mailbox)}/messages/${segment(id)}?$select=internetMessageHeaders`,
        })),
      );
      const found = new Map<string, string | null>();
      results.forEach((result, index) => {
        if (result.ok) found.set(messageIds[index]!, header(result.body as Message, 'In-Reply-To'));
        else if (result.failure.kind !== 'NOT_FOUND') throw new GraphAdapterError(result.failure);
      });
      return found;
    },
    async getMessage(mailbox: string, messageId: string) {
      const message = await adapter.getMessage(mailbox, messageId);
      return toMailMessage({
        ...message,
        id: message.id ?? messageId,
        internetMessageHeaders: message.internetMessageHeaders ?? [],
      });
    },
    sendMail: (mailbox: string, mail: OutgoingMail, mailroomId: string) =>
      adapter.sendMail(mailbox, htmlOf(mail), mailroomId),
    async findSentByMailroomId(mailbox: string, mailroomId: string): Promise<SentMail | null> {
      const sent = await adapter.findSentByMailroomId(mailbox, mailroomId);
      if (!sent?.id) return null;
      return {
        id: sent.id,
        internetMessageId: sent.internetMessageId ?? null,
        conversationId: sent.conversationId ?? null,
        sentAt: date(sent.sentDateTime),
      };
    },
    async setCategories(mailbox: string, messageId: string, categories: string[]) {
      await adapter.updateMessage(mailbox, messageId, { categories });
    },
    listFolders: async (mailbox: string) => folderPaths(await adapter.listFolders(mailbox)),
    async folderId(mailbox: string, wellKnownName: string) {
      const folder = await adapter.getFolder(mailbox, wellKnownName);
      return folder.id!;
    },
    async createSubscription(request: {
      resource: string;
      notificationUrl: string;
      lifecycleNotificationUrl: string;
      expiresAt: Date;
      clientState: string;
    }) {
      const created = await adapter.createSubscription({
        resource: request.resource,
        changeType: 'created,updated,deleted',
        notificationUrl: request.notificationUrl,
        lifecycleNotificationUrl: request.lifecycleNotificationUrl,
        expirationDateTime: request.expiresAt,
        clientState: request.clientState,
      });
      return { id: created.id!, expiresAt: new Date(created.expirationDateTime ?? request.expiresAt) };
    },
    async renewSubscription(subscriptionId: string, expiresAt: Date) {
      await adapter.renewSubscription(subscriptionId, expiresAt);
    },
    deleteSubscription: (subscriptionId: string) => adapter.deleteSubscription(subscriptionId),
  };
}
