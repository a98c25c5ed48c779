import type { TaskImportance, TaskStatus } from './enums.ts';
import type { Channel, ChannelResult, ExchangeFailure, ExchangeFailureKind } from './rules/mailbox-test.rule.ts';

/**
 * What the domain needs from Exchange Online. Implemented over Microsoft Graph by
 * packages/graph-adapter (wired in the API and the worker); the domain never speaks Graph.
 */
export interface ExchangeGateway {
  /** Whether the tenant subscribes to Exchange Online (detected, never assumed). */
  detectExchange(): Promise<{ exchangeOnline: boolean }>;
  listUsers(): Promise<DirectoryUserRecord[]>;
  /** Tests one mailbox's channels; failures are results, not exceptions. */
  testMailbox(address: string): Promise<Record<Channel, ChannelResult>>;

  /** One delta round of a mail folder, page by page; store `cursor` only after the page is committed. */
  messageDelta(mailbox: string, folder: string, options?: MailDeltaOptions): AsyncIterable<MailDeltaPage>;
  /** The In-Reply-To header of each message (delta does not carry headers); missing ids are left out. */
  inReplyTo(mailbox: string, messageIds: readonly string[]): Promise<Map<string, string | null>>;
  /** One message, with its In-Reply-To header. */
  getMessage(mailbox: string, messageId: string): Promise<MailMessage>;
  /** Sends mail tagged with Mailroom's id; never retried blindly (check `findSentByMailroomId` first). */
  sendMail(mailbox: string, mail: OutgoingMail, mailroomId: string): Promise<void>;
  /** The copy in Sent Items of what Mailroom sent under `mailroomId`, or null. */
  findSentByMailroomId(mailbox: string, mailroomId: string): Promise<SentMail | null>;
  /** Replaces a message's categories (the "Tracked to Mailroom" category). */
  setCategories(mailbox: string, messageId: string, categories: string[]): Promise<void>;
  /** Every mail folder of the mailbox, with its path below the root. */
  listFolders(mailbox: string): Promise<MailFolderInfo[]>;
  /** The id of a well-known folder (`inbox`, `sentitems`). */
  folderId(mailbox: string, wellKnownName: string): Promise<string>;
  /** Creates a change-notification subscription (Exchange first validates the URLs). */
  createSubscription(request: MailSubscriptionRequest): Promise<{ id: string; expiresAt: Date }>;
  /** Extends a subscription; NOT_FOUND when Exchange dropped it. */
  renewSubscription(subscriptionId: string, expiresAt: Date): Promise<void>;
  deleteSubscription(subscriptionId: string): Promise<void>;

  /** One delta round of the primary calendar within `window` (a removal may be a move out of it). */
  eventDelta(
    mailbox: string,
    window: CalendarWindow,
    options?: ItemDeltaOptions,
  ): AsyncIterable<ItemDeltaPage<ExchangeEvent>>;
  /** One event, or null when it is gone. */
  getEvent(mailbox: string, eventId: string): Promise<ExchangeEvent | null>;
  createEvent(mailbox: string, fields: AppointmentFields): Promise<ExchangeEvent>;
  updateEvent(mailbox: string, eventId: string, changes: Partial<AppointmentFields>): Promise<ExchangeEvent>;
  /** Deletes an event; one already gone is not an error. */
  deleteEvent(mailbox: string, eventId: string): Promise<void>;

  /** One delta round of the default contacts folder. */
  contactDelta(mailbox: string, options?: ItemDeltaOptions): AsyncIterable<ItemDeltaPage<ExchangeContact>>;
  /** One contact, or null when it is gone. */
  getContact(mailbox: string, contactId: string): Promise<ExchangeContact | null>;
  /** Creates a contact in the default folder, tracked (with the "Tracked to Mailroom" category). */
  createContact(mailbox: string, fields: ContactFields): Promise<ExchangeContact>;
  updateContact(mailbox: string, contactId: string, changes: Partial<ContactFields>): Promise<ExchangeContact>;
  /** Deletes a contact; one already gone is not an error. */
  deleteContact(mailbox: string, contactId: string): Promise<void>;

  /** The id of the user's default To Do list ("Tasks"). */
  defaultTaskList(mailbox: string): Promise<string>;
  /** One delta round of a To Do list, page by page; store `cursor` only after the page is applied. */
  taskDelta(mailbox: string, listId: string, options?: ItemDeltaOptions): AsyncIterable<ItemDeltaPage<ExchangeTask>>;
  /** One task, or null when it is gone. */
  getTask(mailbox: string, listId: string, taskId: string): Promise<ExchangeTask | null>;
  createTask(mailbox: string, listId: string, fields: TaskFields): Promise<ExchangeTask>;
  /** Writes the given fields; the answer carries the task's new change marker. */
  updateTask(mailbox: string, listId: string, taskId: string, changes: Partial<TaskFields>): Promise<ExchangeTask>;
  /** Deletes a task; one already gone is not an error. */
  deleteTask(mailbox: string, listId: string, taskId: string): Promise<void>;
}

/** The fields a CRM appointment and an Exchange event share (mapping in graph-adapter's event-gateway). */
export interface AppointmentFields {
  subject: string;
  /** Plain text. */
  body: string;
  /** ISO instants (UTC). */
  startAt: string;
  endAt: string;
  isAllDay: boolean;
  location: string;
  /** Attendees' addresses, lower-cased and sorted (responses and display names are Exchange's). */
  attendees: string[];
}

export type ExchangeEvent = ExchangeItem<AppointmentFields>;

/** The fields a CRM contact and an Exchange contact share (mapping in graph-adapter's contact-gateway). */
export interface ContactFields {
  firstName: string;
  lastName: string;
  /** Lower-cased; the contact's first address in Exchange. */
  emailAddress: string | null;
  businessPhone: string | null;
  mobilePhone: string | null;
  companyName: string | null;
  jobTitle: string | null;
}

/** An Exchange contact, with whether the user tracked it (the "Tracked to Mailroom" category). */
export type ExchangeContact = ExchangeItem<ContactFields> & { tracked: boolean };

/** The date range a calendar delta covers. */
export interface CalendarWindow {
  start: Date;
  end: Date;
}

/** The fields a CRM task and a To Do task share (the mapping is in graph-adapter's task-gateway). */
export interface TaskFields {
  subject: string;
  /** Plain text. */
  body: string;
  /** ISO instant (UTC), or null. */
  dueAt: string | null;
  status: TaskStatus;
  importance: TaskImportance;
}

/** An Exchange item with its change marker (`changeKey`, or the ETag where there is none). */
export interface ExchangeItem<F> {
  id: string;
  changeKey: string;
  lastModifiedAt: Date;
  fields: F;
}

export type ExchangeTask = ExchangeItem<TaskFields>;

export interface ItemDeltaOptions {
  cursor?: string;
  pageSize?: number;
}

export interface ItemDeltaPage<T> {
  items: T[];
  /** Deleted (or out of the synced set). */
  removedIds: string[];
  /** Where to resume: the next page's link, or the next round's when `complete`. */
  cursor: string;
  complete: boolean;
}

export interface MailAddress {
  /** As Exchange gave it; compare lower-cased. */
  address: string;
  name: string | null;
}

/** A message as the sync needs it; ids are Exchange's immutable ids. */
export interface MailMessage {
  id: string;
  internetMessageId: string | null;
  conversationId: string | null;
  folderId: string | null;
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  receivedAt: Date | null;
  sentAt: Date | null;
  /** When the message last changed in Exchange (a category set or removed, a move). */
  lastModifiedAt?: Date | null;
  body: { contentType: 'html' | 'text'; content: string };
  preview: string;
  categories: string[];
  isDraft: boolean;
  /** Mailroom's id, when Mailroom sent the message. */
  mailroomId: string | null;
  /** Only when read with headers (getMessage, inReplyTo). */
  inReplyTo?: string | null;
}

export interface MailDeltaOptions {
  cursor?: string;
  pageSize?: number;
  receivedAfter?: Date;
}

export interface MailDeltaPage {
  messages: MailMessage[];
  /** Deleted, or moved out of the folder. */
  removedIds: string[];
  /** Where to resume: the next page's link, or the next round's when `complete`. */
  cursor: string;
  complete: boolean;
}

export interface OutgoingMail {
  /** Mailroom's own Internet message id, so every copy (Sent Items, colleagues' inboxes) is recognised. */
  internetMessageId: string | null;
  subject: string;
  /** HTML body as the user wrote it. */
  bodyHtml: string;
  to: MailAddress[];
  cc: MailAddress[];
}

export interface SentMail {
  id: string;
  internetMessageId: string | null;
  conversationId: string | null;
  sentAt: Date | null;
}

export interface MailFolderInfo {
  id: string;
  displayName: string;
  /** e.g. `Inbox/Customers/Fabrikam`. */
  path: string;
  parentFolderId: string | null;
}

export interface MailSubscriptionRequest {
  /** e.g. `users/{upn}/mailFolders('inbox')/messages`. */
  resource: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string;
  expiresAt: Date;
  clientState: string;
}

export interface DirectoryUserRecord {
  id: string;
  userPrincipalName: string;
  mail: string | null;
  displayName: string | null;
  accountEnabled: boolean | null;
  exchangeLicenseValid: boolean;
}

/** The credentials and endpoints of an email server profile, with the secret decrypted. */
export interface ExchangeConnection {
  graphBaseUrl: string;
  authorityUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  maxConcurrentRequestsPerMailbox: number;
  /** The organisation calling, so what Exchange answers (429s) can be counted against it. */
  organisationId?: string;
}

export type ExchangeGatewayFactory = (connection: ExchangeConnection) => ExchangeGateway;

/** A call to Exchange failed as a whole (e.g. the credentials were rejected before any test ran). */
export class ExchangeError extends Error {
  constructor(
    readonly failure: ExchangeFailure,
    message = `Exchange Online call failed: ${failure.kind}`,
  ) {
    super(message);
    this.name = 'ExchangeError';
  }

  get kind(): ExchangeFailureKind {
    return this.failure.kind;
  }
}
