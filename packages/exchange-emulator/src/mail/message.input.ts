import { z } from 'zod';
import { errors, GraphError } from '../http/graph-error.ts';
import type { StoredMessage } from './mail.store.ts';

const recipient = z.object({ emailAddress: z.object({ address: z.string().min(1), name: z.string().nullish() }) });
const recipients = z.array(recipient);
const extendedProperty = z.object({
  id: z
    .string()
    .regex(
      /^String \{[0-9a-fA-F-]{36}\} Name \S.*$|^String 0x[0-9a-fA-F]{4}$/,
      'must be a named or tagged String property id',
    ),
  value: z.string(),
});

/** What a client may send for a message (create, update, sendMail). */
const messageInput = z.object({
  subject: z.string().nullish(),
  body: z
    .object({
      contentType: z
        .string()
        .transform((v) => v.toLowerCase())
        .pipe(z.enum(['html', 'text'])),
      content: z.string().nullish(),
    })
    .optional(),
  toRecipients: recipients.optional(),
  ccRecipients: recipients.optional(),
  bccRecipients: recipients.optional(),
  replyTo: recipients.optional(),
  from: recipient.optional(),
  sender: recipient.optional(),
  importance: z.enum(['low', 'normal', 'high']).optional(),
  categories: z.array(z.string()).optional(),
  isRead: z.boolean().optional(),
  isDeliveryReceiptRequested: z.boolean().optional(),
  isReadReceiptRequested: z.boolean().optional(),
  flag: z.object({ flagStatus: z.enum(['notFlagged', 'complete', 'flagged']) }).optional(),
  inferenceClassification: z.enum(['focused', 'other']).optional(),
  internetMessageId: z
    .string()
    .regex(/^<[^<>\s]+@[^<>\s]+>$/)
    .optional(),
  singleValueExtendedProperties: z.array(extendedProperty).optional(),
});
export type MessageInput = z.infer<typeof messageInput>;

const KNOWN_KEYS = new Set(Object.keys(messageInput.shape));
/** Properties a sent (non-draft) message still accepts in PATCH. */
const MUTABLE_AFTER_SEND = new Set([
  'isRead',
  'categories',
  'importance',
  'flag',
  'inferenceClassification',
  'singleValueExtendedProperties',
  'isDeliveryReceiptRequested',
  'isReadReceiptRequested',
]);

export function parseMessageInput(body: unknown): MessageInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw errors.badRequest('The request body must be a JSON object.');
  for (const key of Object.keys(body)) {
    if (!key.startsWith('@odata.') && !KNOWN_KEYS.has(key))
      throw new GraphError(
        400,
        'RequestBodyRead',
        `The property '${key}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
  }
  const parsed = messageInput.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GraphError(400, 'ErrorInvalidRequest', `Invalid value for '${issue.path.join('.')}': ${issue.message}.`);
  }
  return parsed.data;
}

export function assertUpdatable(message: StoredMessage, input: MessageInput): void {
  if (message.isDraft) return;
  const blocked = Object.keys(input).find((key) => !MUTABLE_AFTER_SEND.has(key));
  if (blocked)
    throw new GraphError(
      400,
      'ErrorInvalidPropertyUpdateSentMessage',
      'Update operation is not supported for some parameters of a sent message.',
    );
}

/** Writes the input's properties onto a stored message (extended properties are merged). */
export function applyMessageInput(message: StoredMessage, input: MessageInput): void {
  if (input.subject !== undefined) message.subject = input.subject ?? '';
  if (input.body) message.body = { contentType: input.body.contentType, content: input.body.content ?? '' };
  if (input.toRecipients) message.toRecipients = input.toRecipients;
  if (input.ccRecipients) message.ccRecipients = input.ccRecipients;
  if (input.bccRecipients) message.bccRecipients = input.bccRecipients;
  if (input.replyTo) message.replyTo = input.replyTo;
  if (input.from) message.from = input.from;
  if (input.sender) message.sender = input.sender;
  if (input.importance) message.importance = input.importance;
  if (input.categories) message.categories = input.categories;
  if (input.isRead !== undefined) message.isRead = input.isRead;
  if (input.flag) message.flagStatus = input.flag.flagStatus;
  if (input.inferenceClassification) message.inferenceClassification = input.inferenceClassification;
  if (input.internetMessageId) message.internetMessageId = input.internetMessageId;
  if (input.singleValueExtendedProperties) {
    const extended = new Map(message.extended ?? []);
    for (const property of input.singleValueExtendedProperties) extended.set(property.id.toLowerCase(), property);
    message.extended = extended;
  }
}
