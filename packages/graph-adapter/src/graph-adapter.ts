import type {
  Contact,
  ContactFolder,
  Event,
  MailFolder,
  Message,
  Subscription,
  TodoTask,
  TodoTaskList,
} from '@microsoft/microsoft-graph-types';
import { createEvent, deleteEvent, eventDelta, getEvent, updateEvent, type CalendarWindow } from './calendar-events.ts';
import {
  createSubscription,
  deleteSubscription,
  listSubscriptions,
  reauthorizeSubscription,
  renewSubscription,
  type SubscriptionRequest,
} from './change-subscriptions.ts';
import type { DeltaOptions, DeltaPage } from './delta-pages.ts';
import { resolveProfile, type GraphProfile } from './graph-profile.ts';
import {
  createGraphClient,
  GraphTransport,
  isMicrosoftGraphHost,
  silentLogger,
  type AdapterLogger,
  type GraphContext,
  type GraphRequestEvent,
} from './graph-transport.ts';
import { batch, type BatchStep, type BatchStepResult } from './json-batch.ts';
import { getFolder, folderDelta, listFolders } from './mail-folders.ts';
import {
  findSentByMailroomId,
  getMessage,
  moveMessage,
  sendMail,
  updateMessage,
  type OutgoingMessage,
  type SentMessage,
} from './mail-messages.ts';
import { MailboxLimiter, systemClock, type AdapterClock, type SharedHolds } from './mailbox-limiter.ts';
import { testMailbox, type MailboxTestResult } from './mailbox-test.ts';
import { messageDelta, type MessageDeltaOptions } from './message-delta.ts';
import {
  contactDelta,
  createContact,
  deleteContact,
  getContact,
  listContactFolders,
  updateContact,
} from './outlook-contacts.ts';
import { detectExchange, getUser, listUsers, type DirectoryUser, type ExchangeDetection } from './tenant-directory.ts';
import { createTask, deleteTask, getTask, listTodoLists, taskDelta, updateTask } from './todo-tasks.ts';
import { TokenSource } from './token-source.ts';

export interface GraphAdapterOptions {
  logger?: AdapterLogger;
  /** Time source for back-off and Retry-After holds; tests pass a fake one. */
  clock?: AdapterClock;
  /** Attempts per request for 429s and transient failures, the first included. Default 4. */
  maxAttempts?: number;
  /** Retry-After holds shared with the other processes calling Graph as this app (Redis). */
  sharedHolds?: SharedHolds;
  /** Told of every HTTP request sent to Graph (metrics). */
  onRequest?: (event: GraphRequestEvent) => void;
}

/**
 * Everything Mailroom asks of Exchange Online, for one email server profile. Every function
 * either resolves or rejects with a `GraphAdapterError` whose `failure.kind` is one of the
 * closed set in `graph-errors.ts`. `mailbox` arguments are a user's UPN or object id; use one
 * of them consistently per mailbox, since the per-mailbox limiter keys on the string given.
 */
export interface GraphAdapter {
  /** Whether the tenant subscribes to Exchange Online (from its subscribed SKUs). */
  detectExchange(): Promise<ExchangeDetection>;
  /** All directory users, each with whether their Exchange licence is valid. */
  listUsers(): Promise<DirectoryUser[]>;
  /** One directory user by id or UPN; null if there is none. */
  getUser(idOrUpn: string): Promise<DirectoryUser | null>;
  /** Tests incoming, outgoing and appointments-contacts-tasks access; failures are results, not throws. */
  testMailbox(mailbox: string): Promise<MailboxTestResult>;

  /** Message delta for one folder, page by page; see `DeltaPage` for how to store the cursors. */
  messageDelta(
    mailbox: string,
    folder: string,
    options?: MessageDeltaOptions,
  ): AsyncGenerator<DeltaPage<Message>, void, undefined>;
  /** One message with its internet headers and Mailroom id property. */
  getMessage(mailbox: string, messageId: string): Promise<Message>;
  /** Sends mail tagged with `mailroomId`; check `findSentByMailroomId` before retrying a failed send. */
  sendMail(mailbox: string, message: OutgoingMessage, mailroomId: string): Promise<void>;
  /** The message Mailroom sent under `mailroomId`, or null. */
  findSentByMailroomId(mailbox: string, mailroomId: string): Promise<SentMessage | null>;
  /** Moves a message to a folder id or well-known name; its immutable id stays the same. */
  moveMessage(mailbox: string, messageId: string, destinationFolder: string): Promise<Message>;
  /** Changes categories, read state, flag, importance or extended properties of a message. */
  updateMessage(
    mailbox: string,
    messageId: string,
    changes: Pick<Message, 'categories' | 'isRead' | 'flag' | 'importance' | 'singleValueExtendedProperties'>,
  ): Promise<Message>;
  /** Every mail folder, flattened. */
  listFolders(mailbox: string): Promise<MailFolder[]>;
  /** One mail folder by id or well-known name. */
  getFolder(mailbox: string, folder: string): Promise<MailFolder>;
  /** Folder delta over the whole folder tree. */
  folderDelta(mailbox: string, options?: DeltaOptions): AsyncGenerator<DeltaPage<MailFolder>, void, undefined>;

  /** Primary-calendar delta within a date window. */
  eventDelta(
    mailbox: string,
    window: CalendarWindow,
    options?: DeltaOptions,
  ): AsyncGenerator<DeltaPage<Event>, void, undefined>;
  /** One event. */
  getEvent(mailbox: string, eventId: string): Promise<Event>;
  /** Creates an event in the primary calendar (Graph invites its attendees). */
  createEvent(mailbox: string, event: Event): Promise<Event>;
  /** Changes the given fields of an event. */
  updateEvent(mailbox: string, eventId: string, changes: Event): Promise<Event>;
  /** Deletes an event. */
  deleteEvent(mailbox: string, eventId: string): Promise<void>;

  /** Contact delta for a contact folder (default: the default folder, `contacts`). */
  contactDelta(
    mailbox: string,
    folder?: string,
    options?: DeltaOptions,
  ): AsyncGenerator<DeltaPage<Contact>, void, undefined>;
  /** Contact folders below the default one. */
  listContactFolders(mailbox: string): Promise<ContactFolder[]>;
  /** One contact. */
  getContact(mailbox: string, contactId: string): Promise<Contact>;
  /** Creates a contact in the default contacts folder. */
  createContact(mailbox: string, contact: Contact): Promise<Contact>;
  /** Changes the given fields of a contact. */
  updateContact(mailbox: string, contactId: string, changes: Contact): Promise<Contact>;
  /** Deletes a contact. */
  deleteContact(mailbox: string, contactId: string): Promise<void>;

  /** The user's To Do lists. */
  listTodoLists(mailbox: string): Promise<TodoTaskList[]>;
  /** Task delta for one To Do list. */
  taskDelta(
    mailbox: string,
    listId: string,
    options?: DeltaOptions,
  ): AsyncGenerator<DeltaPage<TodoTask>, void, undefined>;
  /** One To Do task. */
  getTask(mailbox: string, listId: string, taskId: string): Promise<TodoTask>;
  /** Creates a task in a To Do list. */
  createTask(mailbox: string, listId: string, task: TodoTask): Promise<TodoTask>;
  /** Changes the given fields of a task. */
  updateTask(mailbox: string, listId: string, taskId: string, changes: TodoTask): Promise<TodoTask>;
  /** Deletes a task. */
  deleteTask(mailbox: string, listId: string, taskId: string): Promise<void>;

  /** Creates a change-notification subscription (Graph validates the URLs first). */
  createSubscription(request: SubscriptionRequest): Promise<Subscription>;
  /** Extends a subscription to `expirationDateTime`. */
  renewSubscription(subscriptionId: string, expirationDateTime: Date): Promise<Subscription>;
  /** Answers a `reauthorizationRequired` lifecycle event. */
  reauthorizeSubscription(subscriptionId: string): Promise<void>;
  /** Deletes a subscription. */
  deleteSubscription(subscriptionId: string): Promise<void>;
  /** The app's subscriptions. */
  listSubscriptions(): Promise<Subscription[]>;

  /** Runs requests for one mailbox as JSON batches of at most 20; results in the order given. */
  batch(mailbox: string, steps: readonly BatchStep[]): Promise<BatchStepResult[]>;
}

/**
 * Creates the adapter for one email server profile. Nothing is sent until the first call; a
 * malformed profile throws INVALID_REQUEST at once. Trust for a private CA (the emulator's)
 * comes from `NODE_EXTRA_CA_CERTS`, which both the Graph client's fetch and MSAL honour.
 */
export function createGraphAdapter(profile: GraphProfile, options: GraphAdapterOptions = {}): GraphAdapter {
  const resolved = resolveProfile(profile);
  const clock = options.clock ?? systemClock;
  const graphOrigin = resolved.graphBaseUrl;
  const tokens = new TokenSource({
    authorityUrl: resolved.authorityUrl,
    tenantId: resolved.tenantId,
    clientId: resolved.clientId,
    clientSecret: resolved.clientSecret,
    // A sovereign cloud's Graph is its own resource; anything else (the emulator) stands in
    // for the public cloud's Graph and issues tokens for it.
    scope: `${isMicrosoftGraphHost(new URL(graphOrigin).hostname) ? graphOrigin : 'https://graph.microsoft.com'}/.default`,
    now: () => clock.now(),
  });
  const transport = new GraphTransport({
    client: createGraphClient({ graphOrigin, tokens }),
    tokens,
    limiter: new MailboxLimiter(resolved.maxConcurrentRequestsPerMailbox, clock),
    clock,
    logger: options.logger ?? silentLogger,
    maxAttempts: options.maxAttempts ?? 4,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    ...(options.sharedHolds
      ? { sharedHolds: { store: options.sharedHolds, scope: `${resolved.tenantId}:${resolved.clientId}` } }
      : {}),
  });
  const context: GraphContext = { transport, graphOrigin };

  return {
    detectExchange: () => detectExchange(context),
    listUsers: () => listUsers(context),
    getUser: (idOrUpn) => getUser(context, idOrUpn),
    testMailbox: (mailbox) => testMailbox(context, mailbox),

    messageDelta: (mailbox, folder, deltaOptions) => messageDelta(context, mailbox, folder, deltaOptions),
    getMessage: (mailbox, messageId) => getMessage(context, mailbox, messageId),
    sendMail: (mailbox, message, mailroomId) => sendMail(context, mailbox, message, mailroomId),
    findSentByMailroomId: (mailbox, mailroomId) => findSentByMailroomId(context, mailbox, mailroomId),
    moveMessage: (mailbox, messageId, destination) => moveMessage(context, mailbox, messageId, destination),
    updateMessage: (mailbox, messageId, changes) => updateMessage(context, mailbox, messageId, changes),
    listFolders: (mailbox) => listFolders(context, mailbox),
    getFolder: (mailbox, folder) => getFolder(context, mailbox, folder),
    folderDelta: (mailbox, deltaOptions) => folderDelta(context, mailbox, deltaOptions),

    eventDelta: (mailbox, window, deltaOptions) => eventDelta(context, mailbox, window, deltaOptions),
    getEvent: (mailbox, eventId) => getEvent(context, mailbox, eventId),
    createEvent: (mailbox, event) => createEvent(context, mailbox, event),
    updateEvent: (mailbox, eventId, changes) => updateEvent(context, mailbox, eventId, changes),
    deleteEvent: (mailbox, eventId) => deleteEvent(context, mailbox, eventId),

    contactDelta: (mailbox, folder, deltaOptions) => contactDelta(context, mailbox, folder, deltaOptions),
    listContactFolders: (mailbox) => listContactFolders(context, mailbox),
    getContact: (mailbox, contactId) => getContact(context, mailbox, contactId),
    createContact: (mailbox, contact) => createContact(context, mailbox, contact),
    updateContact: (mailbox, contactId, changes) => updateContact(context, mailbox, contactId, changes),
    deleteContact: (mailbox, contactId) => deleteContact(context, mailbox, contactId),

    listTodoLists: (mailbox) => listTodoLists(context, mailbox),
    taskDelta: (mailbox, listId, deltaOptions) => taskDelta(context, mailbox, listId, deltaOptions),
    getTask: (mailbox, listId, taskId) => getTask(context, mailbox, listId, taskId),
    createTask: (mailbox, listId, task) => createTask(context, mailbox, listId, task),
    updateTask: (mailbox, listId, taskId, changes) => updateTask(context, mailbox, listId, taskId, changes),
    deleteTask: (mailbox, listId, taskId) => deleteTask(context, mailbox, listId, taskId),

    createSubscription: (request) => createSubscription(context, request),
    renewSubscription: (subscriptionId, expiration) => renewSubscription(context, subscriptionId, expiration),
    reauthorizeSubscription: (subscriptionId) => reauthorizeSubscription(context, subscriptionId),
    deleteSubscription: (subscriptionId) => deleteSubscription(context, subscriptionId),
    listSubscriptions: () => listSubscriptions(context),

    batch: (mailbox, steps) => batch(context, mailbox, steps),
  };
}
