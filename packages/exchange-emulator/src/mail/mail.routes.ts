import { userOf, type RouteContext, type RouteTable } from '../graph/graph-route.ts';
import { errors, GraphError } from '../http/graph-error.ts';
import { empty, json, type GraphResponse } from '../http/http.types.ts';
import { isWellFormedId } from '../http/ids.ts';
import { compileFilter, type Predicate } from '../http/odata-filter.ts';
import { maxPageSize, parseSelect, project } from '../http/odata-query.ts';
import { pageOf } from '../http/paging.ts';
import type { LogEntry } from '../delta/change-log.ts';
import { newInternetMessageId, sendFrom, transport, type Envelope } from './mail-transport.service.ts';
import { conversationIdFor, type MailStore, type StoredFolder, type StoredMessage } from './mail.store.ts';
import { applyMessageInput, assertUpdatable, parseMessageInput, type MessageInput } from './message.input.ts';
import { messageAccessor, parseMessageView, renderMessage, type MessageView } from './message.view.ts';

const FOLDER_PROPERTIES = new Set([
  'id',
  'displayName',
  'parentFolderId',
  'childFolderCount',
  'unreadItemCount',
  'totalItemCount',
  'isHidden',
]);
const DELTA_FILTER = /^\s*receivedDateTime\s+(ge|gt)\s+\S+\s*$/i;
const DEFAULT_PAGE = 10;

function mailOf(ctx: RouteContext): MailStore {
  return ctx.state.data(userOf(ctx)).mail;
}

function findFolder(mail: MailStore, idOrName: string): StoredFolder {
  const folder = mail.folder(idOrName);
  if (folder) return folder;
  if (isWellFormedId(idOrName)) throw errors.itemNotFound();
  throw errors.idMalformed();
}

function findMessage(mail: MailStore, id: string): StoredMessage {
  const message = mail.message(id);
  if (message) return message;
  if (isWellFormedId(id)) throw errors.itemNotFound();
  throw errors.idMalformed();
}

function renderFolder(mail: MailStore, folder: StoredFolder): Record<string, unknown> {
  return {
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId,
    childFolderCount: mail.children(folder.id).length,
    unreadItemCount: folder.unread,
    totalItemCount: folder.messages.size,
    isHidden: folder.isHidden,
  };
}

function pageSize(ctx: RouteContext): number {
  const size = maxPageSize(ctx.prefs);
  if (size === undefined) return DEFAULT_PAGE;
  ctx.applied.push(`odata.maxpagesize=${size}`);
  return size;
}

function view(ctx: RouteContext): MessageView {
  const messageView = parseMessageView(ctx.req.query, ctx.prefs, ctx.immutableIds);
  if (messageView.bodyType) ctx.applied.push(`outlook.body-content-type="${messageView.bodyType}"`);
  return messageView;
}

function removed(type: string, immutableIds: boolean) {
  return <T>(entry: LogEntry<T>) => ({
    '@odata.type': `#microsoft.graph.${type}`,
    id: immutableIds ? entry.removedImmutableId : entry.removedId,
    '@removed': { reason: 'deleted' },
  });
}

function createFolder(ctx: RouteContext, parent: StoredFolder): GraphResponse {
  const mail = mailOf(ctx);
  const displayName = (ctx.req.body as { displayName?: unknown } | undefined)?.displayName;
  if (typeof displayName !== 'string' || displayName.trim() === '')
    throw errors.invalidRequest('displayName is required.');
  if (mail.children(parent.id).some((folder) => folder.displayName.toLowerCase() === displayName.toLowerCase())) {
    throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
  }
  const folder = mail.addFolder(displayName, parent.id, (ctx.req.body as { isHidden?: unknown }).isHidden === true);
  mail.touchFolder(parent);
  return json(renderFolder(mail, folder), 201);
}

function listMessages(ctx: RouteContext, folder: StoredFolder | undefined): GraphResponse {
  const mail = mailOf(ctx);
  const messageView = view(ctx);
  const filterText = ctx.req.query.get('$filter');
  const filter: Predicate<StoredMessage> | undefined = filterText
    ? compileFilter(filterText, messageAccessor)
    : undefined;
  const orderBy = (ctx.req.query.get('$orderby') ?? 'receivedDateTime desc').trim();
  const order = /^(receivedDateTime|sentDateTime|createdDateTime|lastModifiedDateTime)(\s+(asc|desc))?$/i.exec(orderBy);
  if (!order) throw errors.badRequest(`The $orderby '${orderBy}' is not supported.`);
  const key = order[1] as 'receivedDateTime';
  const direction = order[3]?.toLowerCase() === 'asc' ? 1 : -1;
  const source = folder ? [...folder.messages.values()] : [...mail.byKey.values()];
  const items = (filter ? source.filter(filter) : source).sort(
    (a, b) => direction * ((a[key] ?? '') < (b[key] ?? '') ? -1 : (a[key] ?? '') > (b[key] ?? '') ? 1 : 0),
  );
  return json(pageOf(ctx.req, items, (message) => renderMessage(message, messageView), DEFAULT_PAGE));
}

function envelopeOf(message: StoredMessage): Envelope {
  return {
    from: message.from!,
    toRecipients: message.toRecipients,
    ccRecipients: message.ccRecipients,
    bccRecipients: message.bccRecipients,
    replyTo: message.replyTo,
    subject: message.subject,
    body: message.body,
    importance: message.importance,
    categories: message.categories,
    internetMessageId: message.internetMessageId,
    inReplyTo: message.inReplyTo,
  };
}

/** A new draft (or message in a folder) from a POST body. */
function createMessage(ctx: RouteContext, folder: StoredFolder, input: MessageInput): StoredMessage {
  const user = userOf(ctx);
  const mail = mailOf(ctx);
  const now = new Date().toISOString();
  const me = { emailAddress: { name: user.displayName, address: user.mail } };
  const message: StoredMessage = {
    key: ctx.state.ids.next('immutable'),
    id: ctx.state.ids.next('message'),
    folderId: folder.id,
    version: 1,
    internetMessageId: newInternetMessageId(user.mail.split('@')[1]!),
    conversationId: '',
    inReplyTo: null,
    references: null,
    subject: '',
    body: { contentType: 'html', content: '' },
    from: me,
    sender: me,
    toRecipients: [],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    createdDateTime: now,
    lastModifiedDateTime: now,
    receivedDateTime: now,
    sentDateTime: null,
    isRead: true,
    isDraft: true,
    importance: 'normal',
    inferenceClassification: 'focused',
    categories: [],
    flagStatus: 'notFlagged',
    extended: undefined,
  };
  applyMessageInput(message, input);
  message.conversationId = conversationIdFor(message.internetMessageId);
  return mail.insert(message);
}

function isChangeType(value: string): value is 'created' | 'updated' | 'deleted' {
  return value === 'created' || value === 'updated' || value === 'deleted';
}

function messageDelta(ctx: RouteContext): GraphResponse {
  const user = userOf(ctx);
  const mail = mailOf(ctx);
  const folder = findFolder(mail, ctx.params['folder']!);
  const size = pageSize(ctx);
  const messageView = view(ctx);
  const page = ctx.state.delta.page({
    collectionKey: `${user.id}/mail/${folder.id}`,
    log: folder.messages,
    userId: user.id,
    path: ctx.req.path,
    query: ctx.req.query,
    origin: ctx.req.origin,
    pageSize: size,
    parseOptions: () => {
      const query = ctx.req.query;
      const filterText = query.get('$filter');
      if (filterText !== null && !DELTA_FILTER.test(filterText))
        throw errors.badRequest(
          'The query filter contains one or more invalid nodes: delta supports only receivedDateTime ge|gt.',
        );
      const orderBy = query.get('$orderby');
      if (orderBy !== null && !/^\s*receivedDateTime(\s+desc)?\s*$/i.test(orderBy))
        throw errors.badRequest('Delta supports only $orderby=receivedDateTime desc.');
      const changeType = query.get('changeType') ?? undefined;
      if (changeType !== undefined && !isChangeType(changeType))
        throw errors.badRequest(`Invalid changeType '${changeType}'.`);
      return {
        select: messageView.select,
        extended: messageView.extended,
        filter: filterText ? compileFilter(filterText, messageAccessor) : undefined,
        changeType,
      };
    },
    matches: (message, options) => !options.filter || options.filter(message),
    leavingSet: 'skip',
    changeType: (options) => options.changeType,
    render: (message, options) =>
      renderMessage(message, { ...messageView, select: options.select, extended: options.extended }),
    renderRemoved: removed('message', ctx.immutableIds),
    forcedReset: (state) => ctx.emulator.faults.hit('expireDeltaTokens', state.userId, state.createdAtMs) !== undefined,
  });
  return json({
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(message)',
    value: page.value,
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : { '@odata.deltaLink': page.deltaLink }),
  });
}

function folderDelta(ctx: RouteContext): GraphResponse {
  const user = userOf(ctx);
  const mail = mailOf(ctx);
  const select = parseSelect(ctx.req.query.get('$select'), FOLDER_PROPERTIES, 'mailFolder');
  const page = ctx.state.delta.page({
    collectionKey: `${user.id}/mailFolders`,
    log: mail.folderLog,
    userId: user.id,
    path: ctx.req.path,
    query: ctx.req.query,
    origin: ctx.req.origin,
    pageSize: pageSize(ctx),
    parseOptions: () => ({ select }),
    matches: (folder) =>
      !folder.isHidden &&
      folder.wellKnownName !== 'msgfolderroot' &&
      folder.wellKnownName !== 'recoverableitemsdeletions',
    leavingSet: 'removed',
    changeType: () => undefined,
    render: (folder, options) => project(renderFolder(mail, folder), options.select),
    renderRemoved: removed('mailFolder', false),
    forcedReset: (state) => ctx.emulator.faults.hit('expireDeltaTokens', state.userId, state.createdAtMs) !== undefined,
  });
  return json({
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(mailFolder)',
    value: page.value,
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : { '@odata.deltaLink': page.deltaLink }),
  });
}

function sendDraft(ctx: RouteContext, draft: StoredMessage): void {
  if (!draft.isDraft) throw errors.invalidRequest('Only a draft message can be sent.');
  if (draft.toRecipients.length + draft.ccRecipients.length + draft.bccRecipients.length === 0) {
    throw new GraphError(
      400,
      'ErrorInvalidRecipients',
      "At least one recipient is not valid., A message can't be sent because it contains no recipients.",
    );
  }
  const mail = mailOf(ctx);
  const now = new Date().toISOString();
  mail.update(draft, (message) => {
    message.isDraft = false;
    message.sentDateTime = now;
    message.receivedDateTime = now;
  });
  mail.move(draft, mail.wellKnownFolder('sentitems'));
  transport(ctx.state, envelopeOf(draft), now);
}

export const mailRoutes: RouteTable = [
  [
    'GET',
    'users/:user/mailFolders',
    {
      area: 'mail',
      access: 'read',
      handler: (ctx) => {
        const mail = mailOf(ctx);
        const includeHidden = ctx.req.query.get('includeHiddenFolders') === 'true';
        const select = parseSelect(ctx.req.query.get('$select'), FOLDER_PROPERTIES, 'mailFolder');
        const folders = mail
          .children(mail.wellKnownFolder('msgfolderroot').id)
          .filter((folder) => includeHidden || !folder.isHidden);
        return json(pageOf(ctx.req, folders, (folder) => project(renderFolder(mail, folder), select), DEFAULT_PAGE));
      },
    },
  ],
  ['GET', 'users/:user/mailFolders/delta', { area: 'mail', access: 'read', handler: folderDelta }],
  [
    'POST',
    'users/:user/mailFolders',
    {
      area: 'mail',
      access: 'write',
      handler: (ctx) => createFolder(ctx, mailOf(ctx).wellKnownFolder('msgfolderroot')),
    },
  ],
  [
    'GET',
    'users/:user/mailFolders/:folder',
    {
      area: 'mail',
      access: 'read',
      handler: (ctx) => {
        const mail = mailOf(ctx);
        const select = parseSelect(ctx.req.query.get('$select'), FOLDER_PROPERTIES, 'mailFolder');
        return json(project(renderFolder(mail, findFolder(mail, ctx.params['folder']!)), select));
      },
    },
  ],
  [
    'PATCH',
    'users/:user/mailFolders/:folder',
    {
      area: 'mail',
      access: 'write',
      handler: (ctx) => {
        const mail = mailOf(ctx);
        const folder = findFolder(mail, ctx.params['folder']!);
        const displayName = (ctx.req.body as { displayName?: unknown } | undefined)?.displayName;
        if (typeof displayName !== 'string' || displayName.trim() === '')
          throw errors.invalidRequest('displayName is required.');
        if (folder.wellKnownName)
          throw new GraphError(403, 'ErrorAccessDenied', 'Distinguished folders cannot be renamed.');
        folder.displayName = displayName;
        mail.touchFolder(folder);
        return json(renderFolder(mail, folder));
      },
    },
  ],
  [
    'DELETE',
    'users/:user/mailFolders/:folder',
    {
      area: 'mail',
      access: 'write',
      handler: (ctx) => {
        const mail = mailOf(ctx);
        const folder = findFolder(mail, ctx.params['folder']!);
        if (folder.wellKnownName)
          throw new GraphError(403, 'ErrorDeleteDistinguishedFolder', 'Distinguished folders cannot be deleted.');
        mail.deleteFolder(folder);
        return empty(204);
      },
    },
  ],
  [
    'GET',
    'users/:user/mailFolders/:folder/childFolders',
    {
      area: 'mail',
      access: 'read',
      handler: (ctx) => {
        const mail = mailOf(ctx);
        const parent = findFolder(mail, ctx.params['folder']!);
        const select = parseSelect(ctx.req.query.get('$select'), FOLDER_PROPERTIES, 'mailFolder');
        const includeHidden = ctx.req.query.get('includeHiddenFolders') === 'true';
        const folders = mail.children(parent.id).filter((folder) => includeHidden || !folder.isHidden);
        return json(pageOf(ctx.req, folders, (folder) => project(renderFolder(mail, folder), select), DEFAULT_PAGE));
      },
    },
  ],
  [
    'POST',
    'users/:user/mailFolders/:folder/childFolders',
    {
      area: 'mail',
      access: 'write',
      handler: (ctx) => createFolder(ctx, findFolder(mailOf(ctx), ctx.params['folder']!)),
    },
  ],
  ['GET', 'users/:user/mailFolders/:folder/messages/delta', { area: 'mail', access: 'read', handler: messageDelta }],
  [
    'GET',
    'users/:user/mailFolders/:folder/messages',
    {
      area: 'mail',
      access: 'read',
      handler: (ctx) => listMessages(ctx, findFolder(mailOf(ctx), ctx.params['folder']!)),
    },
  ],
  [
    'POST',
    'users/:user/mailFolders/:folder/messages',
    {
      area: 'mail',
      access: 'write',
      handler: (ctx) => {
        const folder = findFolder(mailOf(ctx), ctx.params['folder']!);
        return json(renderMessage(createMessage(ctx, folder, parseMessageInput(ctx.req.body)), view(ctx)), 201);
      },
    },
  ],
  [
    'GET',
    'users/:user/mailFolders/:folder/messages/:id',
    {
      area: 'mail',
      access: 'read',
      handler: (ctx) => {
        const mail = mailOf(ctx);
        const folder = findFolder(mail, ctx.params['folder']!);
        const message = findMessage(mail, ctx.params['id']!);
        if (message.folderId !== folder.id) throw errors.itemNotFound();
        return json(renderMessage(message, view(ctx)));
      },
    },
  ],
  ['GET', 'users/:user/messages', { area: 'mail', access: 'read', handler: (ctx) => listMessages(ctx, undefined) }],
  [
    'POST',
    'users/:user/messages',
    {
      area: 'mail',
      access: 'write',
      handler: (ctx) =>
        json(
          renderMessage(
            createMessage(ctx, mailOf(ctx).wellKnownFolder('drafts'), parseMessageInput(ctx.req.body)),
            view(ctx),
          ),
          201,
        ),
    },
  ],
  [
    'GET',
    'users/:user/messages/:id',
    {
      area: 'mail',
      access: 'read',
      handler: (ctx) => json(renderMessage(findMessage(mailOf(ctx), ctx.params['id']!), view(ctx))),
    },
  ],
  [
    'PATCH',
    'users/:user/messages/:id',
    {
      area: 'mail',
      access: 'write',
      handler: (ctx) => {
        const mail = mailOf(ctx);
        const message = findMessage(mail, ctx.params['id']!);
        const input = parseMessageInput(ctx.req.body);
        assertUpdatable(message, input);
        mail.update(message, (m) => applyMessageInput(m, input));
        return json(renderMessage(message, view(ctx)));
      },
    },
  ],
  [
    'DELETE',
    'users/:user/messages/:id',
    {
      area: 'mail',
      access: 'write',
      handler: (ctx) => {
        const mail = mailOf(ctx);
        const message = findMessage(mail, ctx.params['id']!);
        const deletedItems = mail.wellKnownFolder('deleteditems');
        // As in Exchange Online: a delete moves the item to Deleted Items; from there it is gone.
        if (message.folderId === deletedItems.id) mail.purge(message);
        else mail.move(message, deletedItems);
        return empty(204);
      },
    },
  ],
  [
    'POST',
    'users/:user/messages/:id/move',
    {
      area: 'mail',
      access: 'write',
      handler: (ctx) => {
        const mail = mailOf(ctx);
        const message = findMessage(mail, ctx.params['id']!);
        const destinationId = (ctx.req.body as { destinationId?: unknown } | undefined)?.destinationId;
        if (typeof destinationId !== 'string') throw errors.invalidRequest('destinationId is required.');
        const moved = mail.move(message, findFolder(mail, destinationId));
        return json(renderMessage(moved, view(ctx)), 201);
      },
    },
  ],
  [
    'POST',
    'users/:user/messages/:id/copy',
    {
      area: 'mail',
      access: 'write',
      handler: (ctx) => {
        const mail = mailOf(ctx);
        const message = findMessage(mail, ctx.params['id']!);
        const destinationId = (ctx.req.body as { destinationId?: unknown } | undefined)?.destinationId;
        if (typeof destinationId !== 'string') throw errors.invalidRequest('destinationId is required.');
        const target = findFolder(mail, destinationId);
        const now = new Date().toISOString();
        const copy = mail.insert({
          ...message,
          key: ctx.state.ids.next('immutable'),
          id: ctx.state.ids.next('message'),
          folderId: target.id,
          version: 1,
          createdDateTime: now,
          lastModifiedDateTime: now,
          extended: message.extended && new Map(message.extended),
        });
        return json(renderMessage(copy, view(ctx)), 201);
      },
    },
  ],
  [
    'POST',
    'users/:user/messages/:id/send',
    {
      area: 'mail',
      access: 'send',
      handler: (ctx) => {
        sendDraft(ctx, findMessage(mailOf(ctx), ctx.params['id']!));
        return empty(202);
      },
    },
  ],
  [
    'POST',
    'users/:user/sendMail',
    {
      area: 'mail',
      access: 'send',
      handler: (ctx) => {
        const body = ctx.req.body as { message?: unknown; saveToSentItems?: unknown } | undefined;
        if (typeof body?.message !== 'object' || body.message === null)
          throw errors.invalidRequest('The message is required.');
        if (
          body.saveToSentItems !== undefined &&
          typeof body.saveToSentItems !== 'boolean' &&
          body.saveToSentItems !== 'true' &&
          body.saveToSentItems !== 'false'
        ) {
          throw errors.invalidRequest('saveToSentItems must be a boolean.');
        }
        const input = parseMessageInput(body.message);
        const user = userOf(ctx);
        const to = input.toRecipients ?? [];
        const cc = input.ccRecipients ?? [];
        const bcc = input.bccRecipients ?? [];
        if (to.length + cc.length + bcc.length === 0)
          throw new GraphError(
            400,
            'ErrorInvalidRecipients',
            "At least one recipient is not valid., A message can't be sent because it contains no recipients.",
          );
        const me = { emailAddress: { name: user.displayName, address: user.mail } };
        const envelope: Envelope = {
          from: input.from ?? me,
          toRecipients: to,
          ccRecipients: cc,
          bccRecipients: bcc,
          replyTo: input.replyTo ?? [],
          subject: input.subject ?? '',
          body: input.body
            ? { contentType: input.body.contentType, content: input.body.content ?? '' }
            : { contentType: 'text', content: '' },
          importance: input.importance ?? 'normal',
          categories: input.categories ?? [],
          internetMessageId: input.internetMessageId ?? newInternetMessageId(user.mail.split('@')[1]!),
          inReplyTo: null,
        };
        const extended = input.singleValueExtendedProperties
          ? new Map(input.singleValueExtendedProperties.map((p) => [p.id.toLowerCase(), p]))
          : undefined;
        sendFrom(ctx.state, user, envelope, {
          saveToSentItems: String(body.saveToSentItems) !== 'false',
          extended,
          categories: input.categories ?? [],
        });
        return empty(202);
      },
    },
  ],
];
