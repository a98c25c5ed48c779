import type { ItemBody } from '@microsoft/microsoft-graph-types';
import { compileFilter, plainAccessor, type Predicate } from '../http/odata-filter.ts';
import { errors } from '../http/graph-error.ts';
import { expandFilter, parseExpand, parseSelect } from '../http/odata-query.ts';
import { generateHtmlBody, htmlToText } from './body.generator.ts';
import { changeKeyOf, type LazyBody, type StoredMessage } from './mail.store.ts';

type Getter = (message: StoredMessage, view: MessageView) => unknown;

const GETTERS: Record<string, Getter> = {
  createdDateTime: (m) => m.createdDateTime,
  lastModifiedDateTime: (m) => m.lastModifiedDateTime,
  changeKey: (m) => changeKeyOf(m),
  categories: (m) => m.categories,
  receivedDateTime: (m) => m.receivedDateTime,
  sentDateTime: (m) => m.sentDateTime,
  hasAttachments: () => false,
  internetMessageId: (m) => m.internetMessageId,
  subject: (m) => m.subject,
  bodyPreview: (m) => preview(m),
  importance: (m) => m.importance,
  parentFolderId: (m) => m.folderId,
  conversationId: (m) => m.conversationId,
  conversationIndex: (m) => Buffer.from(m.conversationId.slice(7, 29)).toString('base64'),
  isDeliveryReceiptRequested: () => false,
  isReadReceiptRequested: () => false,
  isRead: (m) => m.isRead,
  isDraft: (m) => m.isDraft,
  webLink: (m, view) =>
    `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(view.immutableIds ? m.key : m.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
  inferenceClassification: (m) => m.inferenceClassification,
  body: (m, view) => bodyAs(m, view.bodyType),
  uniqueBody: (m, view) => bodyAs(m, view.bodyType),
  sender: (m) => m.sender,
  from: (m) => m.from,
  toRecipients: (m) => m.toRecipients,
  ccRecipients: (m) => m.ccRecipients,
  bccRecipients: (m) => m.bccRecipients,
  replyTo: (m) => m.replyTo,
  flag: (m) => ({ flagStatus: m.flagStatus }),
  internetMessageHeaders: (m) => [
    { name: 'Message-ID', value: m.internetMessageId },
    ...(m.inReplyTo ? [{ name: 'In-Reply-To', value: m.inReplyTo }] : []),
    ...(m.references ? [{ name: 'References', value: m.references }] : []),
  ],
};
/** The default properties of a message; `internetMessageHeaders` only with `$select`, as in Graph. */
const DEFAULT_PROPERTIES = Object.keys(GETTERS).filter((name) => name !== 'internetMessageHeaders');
export const MESSAGE_PROPERTIES: ReadonlySet<string> = new Set([
  ...Object.keys(GETTERS),
  'id',
  'singleValueExtendedProperties',
  'multiValueExtendedProperties',
  'attachments',
]);

export interface MessageView {
  immutableIds: boolean;
  select: string[] | undefined;
  /** `$expand=singleValueExtendedProperties(...)`: which properties to include; undefined = not expanded. */
  extended: Predicate<{ id: string; value: string }> | undefined;
  bodyType: 'html' | 'text' | undefined;
}

function isLazy(body: ItemBody | LazyBody): body is LazyBody {
  return 'seed' in body;
}

function rawBody(message: StoredMessage): ItemBody {
  return isLazy(message.body)
    ? { contentType: 'html', content: generateHtmlBody(message.body.seed, message.body.bytes) }
    : message.body;
}

function bodyAs(message: StoredMessage, type: 'html' | 'text' | undefined): ItemBody {
  const body = rawBody(message);
  if (type === 'text' && body.contentType === 'html')
    return { contentType: 'text', content: htmlToText(body.content ?? '') };
  return body;
}

const PREVIEW_LENGTH = 255;
/** Generated HTML long enough for a preview: well over PREVIEW_LENGTH characters of text. */
const PREVIEW_SOURCE_BYTES = 2048;

function previewOf(body: ItemBody): string {
  const text = body.contentType === 'html' ? htmlToText(body.content ?? '') : (body.content ?? '');
  return text.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_LENGTH);
}

function preview(message: StoredMessage): string {
  const body = message.body;
  if (!isLazy(body)) return previewOf(body);
  // A generated body's first paragraphs depend only on its seed, so the preview comes from a
  // short generation rather than the whole body (bodies run to 100 KB).
  if (body.bytes > PREVIEW_SOURCE_BYTES) {
    const short = previewOf({ contentType: 'html', content: generateHtmlBody(body.seed, PREVIEW_SOURCE_BYTES) });
    if (short.length === PREVIEW_LENGTH) return short;
  }
  return previewOf(rawBody(message));
}

export function renderMessage(message: StoredMessage, view: MessageView): Record<string, unknown> {
  const out: Record<string, unknown> = {
    '@odata.type': '#microsoft.graph.message',
    '@odata.etag': `W/"${changeKeyOf(message)}"`,
    id: view.immutableIds ? message.key : message.id,
  };
  for (const name of view.select ?? DEFAULT_PROPERTIES) {
    const getter = GETTERS[name];
    if (getter) out[name] = getter(message, view);
  }
  if (view.extended) {
    const matching = [...(message.extended?.values() ?? [])].filter(view.extended);
    if (matching.length > 0) out['singleValueExtendedProperties'] = matching;
  }
  return out;
}

/** Reads `$select`, `$expand` and the body-type preference of a message request. */
export function parseMessageView(
  query: URLSearchParams,
  prefs: Map<string, string>,
  immutableIds: boolean,
): MessageView {
  const select = parseSelect(query.get('$select'), MESSAGE_PROPERTIES, 'message');
  let extended: MessageView['extended'];
  for (const expand of parseExpand(query.get('$expand'))) {
    if (expand.name.toLowerCase() !== 'singlevalueextendedproperties')
      throw errors.badRequest(`Expanding '${expand.name}' is not supported.`);
    const filter = expandFilter(expand.options);
    extended = filter ? compileFilter(filter, plainAccessor) : () => true;
  }
  const bodyPref = prefs.get('outlook.body-content-type')?.toLowerCase();
  return {
    immutableIds,
    select,
    extended,
    bodyType: bodyPref === 'text' || bodyPref === 'html' ? bodyPref : undefined,
  };
}

/** Property access for `$filter` over messages (extended properties included). */
export function messageAccessor(message: StoredMessage, segments: string[]): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return undefined;
  if (head.toLowerCase() === 'singlevalueextendedproperties') return [...(message.extended?.values() ?? [])];
  if (head === 'id') return message.id;
  const getter = GETTERS[head];
  if (!getter || head === 'body' || head === 'uniqueBody' || head === 'bodyPreview') {
    if (getter)
      return plainAccessor(
        getter(message, { immutableIds: false, select: undefined, extended: undefined, bodyType: undefined }) as object,
        rest,
      );
    throw errors.unknownProperty(head, 'message');
  }
  return plainAccessor(
    { v: getter(message, { immutableIds: false, select: undefined, extended: undefined, bodyType: undefined }) },
    ['v', ...rest],
  );
}
