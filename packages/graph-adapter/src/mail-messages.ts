import type { Message } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { malformedResponse } from './graph-errors.ts';
import { PERMISSIONS } from './graph-permissions.ts';
import { segment, type GraphContext } from './graph-transport.ts';

/**
 * The named extended property that carries Mailroom's id for a message it sent. The GUID is
 * Mailroom's own property set; it must never change, or earlier sends become unfindable.
 */
export const MAILROOM_ID_PROPERTY = 'String {6c1f7a3e-2b9d-4e58-9a41-0d3f5b8e7c21} Name MailroomId';

/** What Mailroom sends; Graph's message shape, limited to what sendMail takes from it. */
export type OutgoingMessage = Pick<
  Message,
  | 'subject'
  | 'body'
  | 'toRecipients'
  | 'ccRecipients'
  | 'bccRecipients'
  | 'replyTo'
  | 'importance'
  | 'internetMessageHeaders'
  | 'internetMessageId'
>;

/** The fields of a sent message a retried send needs to recognise it. */
export type SentMessage = Pick<
  Message,
  'id' | 'internetMessageId' | 'conversationId' | 'sentDateTime' | 'parentFolderId'
>;

const messageListSchema = z.object({ value: z.array(z.looseObject({ id: z.string() })) });

/** The message fields Mailroom reads; `$select` replaces Graph's defaults, so all are named. */
export const MESSAGE_FIELDS = [
  'id',
  'changeKey',
  'internetMessageId',
  'conversationId',
  'parentFolderId',
  'subject',
  'from',
  'sender',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'createdDateTime',
  'lastModifiedDateTime',
  'receivedDateTime',
  'sentDateTime',
  'body',
  'bodyPreview',
  'isRead',
  'isDraft',
  'hasAttachments',
  'importance',
  'categories',
] as const;

/** `$expand` that returns Mailroom's id property, when a message has it, and nothing else. */
export const EXPAND_MAILROOM_ID = `singleValueExtendedProperties($filter=id eq '${MAILROOM_ID_PROPERTY}')`;

/**
 * Reads one message with its internet headers (In-Reply-To and References, which delta does
 * not return) and Mailroom's id property.
 */
export function getMessage(context: GraphContext, mailbox: string, messageId: string): Promise<Message> {
  return context.transport.execute<Message>({
    method: 'GET',
    url: `/users/${segment(mailbox)}/messages/${segment(messageId)}`,
    query: { $select: [...MESSAGE_FIELDS, 'internetMessageHeaders'].join(','), $expand: EXPAND_MAILROOM_ID },
    mailbox,
    permission: PERMISSIONS.mailRead,
  });
}

/**
 * Sends `message` from `mailbox`, saving it to Sent Items with `mailroomId` in the
 * MAILROOM_ID_PROPERTY extended property. Not retried after a 5xx or a lost connection, since
 * the mail may have gone out: the caller checks `findSentByMailroomId` before sending again.
 */
export async function sendMail(
  context: GraphContext,
  mailbox: string,
  message: OutgoingMessage,
  mailroomId: string,
): Promise<void> {
  await context.transport.execute<void>({
    method: 'POST',
    url: `/users/${segment(mailbox)}/sendMail`,
    body: {
      message: { ...message, singleValueExtendedProperties: [{ id: MAILROOM_ID_PROPERTY, value: mailroomId }] },
      saveToSentItems: true,
    },
    mailbox,
    permission: PERMISSIONS.mailSend,
  });
}

/**
 * The message in `mailbox` that Mailroom sent under `mailroomId`, or null if there is none.
 * Exchange files the sent copy asynchronously, so an absence right after a send attempt is
 * not yet proof that it failed.
 */
export async function findSentByMailroomId(
  context: GraphContext,
  mailbox: string,
  mailroomId: string,
): Promise<SentMessage | null> {
  const raw = await context.transport.execute<unknown>({
    method: 'GET',
    url: `/users/${segment(mailbox)}/messages`,
    query: {
      $filter: `singleValueExtendedProperties/Any(ep: ep/id eq '${MAILROOM_ID_PROPERTY}' and ep/value eq '${odataString(mailroomId)}')`,
      $select: 'id,internetMessageId,conversationId,sentDateTime,parentFolderId',
      $top: 1,
    },
    mailbox,
    permission: PERMISSIONS.mailRead,
  });
  const parsed = messageListSchema.safeParse(raw);
  if (!parsed.success) throw malformedResponse('the message search returned no value array');
  const [first] = parsed.data.value;
  return first === undefined ? null : (first as SentMessage);
}

/**
 * Moves a message to a folder (an id or a well-known name). With immutable ids the message
 * keeps its id; the returned message is authoritative either way.
 */
export function moveMessage(
  context: GraphContext,
  mailbox: string,
  messageId: string,
  destinationFolder: string,
): Promise<Message> {
  return context.transport.execute<Message>({
    method: 'POST',
    url: `/users/${segment(mailbox)}/messages/${segment(messageId)}/move`,
    body: { destinationId: destinationFolder },
    mailbox,
    permission: PERMISSIONS.mailWrite,
  });
}

/** Changes a message's writable fields (categories, isRead, ...). */
export function updateMessage(
  context: GraphContext,
  mailbox: string,
  messageId: string,
  changes: Pick<Message, 'categories' | 'isRead' | 'flag' | 'importance' | 'singleValueExtendedProperties'>,
): Promise<Message> {
  return context.transport.execute<Message>({
    method: 'PATCH',
    url: `/users/${segment(mailbox)}/messages/${segment(messageId)}`,
    body: changes,
    mailbox,
    permission: PERMISSIONS.mailWrite,
  });
}

/** Quotes a value for an OData string literal: a single quote is doubled. */
export function odataString(value: string): string {
  return value.replace(/'/g, "''");
}
