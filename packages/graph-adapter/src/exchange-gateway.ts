import { createHash } from 'node:crypto';
import {
  ExchangeError,
  type ChannelResult,
  type ExchangeConnection,
  type ExchangeFailure,
  type ExchangeGateway,
  type ExchangeGatewayFactory,
} from '@mailroom/domain';
import { createGraphAdapter, type GraphAdapter, type GraphAdapterOptions } from './graph-adapter.ts';
import { GraphAdapterError, type GraphFailure } from './graph-errors.ts';
import { mailGatewayOver } from './mail-gateway.ts';
import { contactGatewayOver } from './contact-gateway.ts';
import { eventGatewayOver } from './event-gateway.ts';
import { taskGatewayOver } from './task-gateway.ts';
import type { ChannelTestResult } from './mailbox-test.ts';

const MAX_CACHED_ADAPTERS = 1000;

function toExchangeFailure(failure: GraphFailure): ExchangeFailure {
  const kind = failure.kind;
  return {
    kind,
    ...(failure.permission ? { permission: failure.permission } : {}),
    ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
  };
}

function toChannelResult(result: ChannelTestResult): ChannelResult {
  return result.ok ? { ok: true } : { ok: false, failure: toExchangeFailure(result.failure) };
}

async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GraphAdapterError) throw new ExchangeError(toExchangeFailure(error.failure), error.message);
    throw error;
  }
}

async function* translatedPages<T>(pages: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  try {
    yield* pages;
  } catch (error) {
    if (error instanceof GraphAdapterError) throw new ExchangeError(toExchangeFailure(error.failure), error.message);
    throw error;
  }
}

function gatewayOver(adapter: GraphAdapter): ExchangeGateway {
  const mail = mailGatewayOver(adapter);
  const tasks = taskGatewayOver(adapter);
  const events = eventGatewayOver(adapter);
  const contacts = contactGatewayOver(adapter);
  return {
    messageDelta: (mailbox, folder, options) => translatedPages(mail.messageDelta(mailbox, folder, options)),
    inReplyTo: (mailbox, ids) => translated(() => mail.inReplyTo(mailbox, ids)),
    getMessage: (mailbox, id) => translated(() => mail.getMessage(mailbox, id)),
    sendMail: (mailbox, message, mailroomId) => translated(() => mail.sendMail(mailbox, message, mailroomId)),
    findSentByMailroomId: (mailbox, mailroomId) => translated(() => mail.findSentByMailroomId(mailbox, mailroomId)),
    setCategories: (mailbox, id, categories) => translated(() => mail.setCategories(mailbox, id, categories)),
    listFolders: (mailbox) => translated(() => mail.listFolders(mailbox)),
    folderId: (mailbox, name) => translated(() => mail.folderId(mailbox, name)),
    createSubscription: (request) => translated(() => mail.createSubscription(request)),
    renewSubscription: (id, expiresAt) => translated(() => mail.renewSubscription(id, expiresAt)),
    deleteSubscription: (id) => translated(() => mail.deleteSubscription(id)),
    eventDelta: (mailbox, window, options) => translatedPages(events.eventDelta(mailbox, window, options)),
    getEvent: (mailbox, id) => translated(() => events.getEvent(mailbox, id)),
    createEvent: (mailbox, fields) => translated(() => events.createEvent(mailbox, fields)),
    updateEvent: (mailbox, id, changes) => translated(() => events.updateEvent(mailbox, id, changes)),
    deleteEvent: (mailbox, id) => translated(() => events.deleteEvent(mailbox, id)),
    contactDelta: (mailbox, options) => translatedPages(contacts.contactDelta(mailbox, options)),
    getContact: (mailbox, id) => translated(() => contacts.getContact(mailbox, id)),
    createContact: (mailbox, fields) => translated(() => contacts.createContact(mailbox, fields)),
    updateContact: (mailbox, id, changes) => translated(() => contacts.updateContact(mailbox, id, changes)),
    deleteContact: (mailbox, id) => translated(() => contacts.deleteContact(mailbox, id)),
    defaultTaskList: (mailbox) => translated(() => tasks.defaultTaskList(mailbox)),
    taskDelta: (mailbox, listId, options) => translatedPages(tasks.taskDelta(mailbox, listId, options)),
    getTask: (mailbox, listId, taskId) => translated(() => tasks.getTask(mailbox, listId, taskId)),
    createTask: (mailbox, listId, fields) => translated(() => tasks.createTask(mailbox, listId, fields)),
    updateTask: (mailbox, listId, taskId, changes) =>
      translated(() => tasks.updateTask(mailbox, listId, taskId, changes)),
    deleteTask: (mailbox, listId, taskId) => translated(() => tasks.deleteTask(mailbox, listId, taskId)),
    detectExchange: () => translated(() => adapter.detectExchange()),
    listUsers: () => translated(() => adapter.listUsers()),
    testMailbox: (address) =>
      translated(async () => {
        const result = await adapter.testMailbox(address);
        return {
          incoming: toChannelResult(result.incoming),
          outgoing: toChannelResult(result.outgoing),
          act: toChannelResult(result.act),
        };
      }),
  };
}

export interface ExchangeGatewaysOptions extends GraphAdapterOptions {
  /** Told of each request Graph answered 429, with the organisation of the connection that sent it. */
  onThrottled?: (organisationId: string) => void;
}

/** The adapter options for one connection: its 429s are told with its organisation. */
function optionsFor(connection: ExchangeConnection, options: ExchangeGatewaysOptions): GraphAdapterOptions {
  const { onThrottled, ...adapterOptions } = options;
  const { organisationId } = connection;
  if (!onThrottled || !organisationId) return adapterOptions;
  const onRequest = adapterOptions.onRequest;
  return {
    ...adapterOptions,
    onRequest: (event) => {
      onRequest?.(event);
      if (event.status === '429') onThrottled(organisationId);
    },
  };
}

/**
 * The domain's Exchange port over Microsoft Graph. One adapter per distinct connection (and
 * organisation) is kept: its token cache and per-mailbox limiter must be shared by every caller in
 * the process.
 */
export function createExchangeGateways(options: ExchangeGatewaysOptions = {}): ExchangeGatewayFactory {
  // The gateway is kept with its adapter: building one is some thirty closures, and a polling
  // worker asks for one per mailbox run.
  const gateways = new Map<string, ExchangeGateway>();
  return (connection: ExchangeConnection) => {
    const key = createHash('sha256').update(JSON.stringify(connection)).digest('hex');
    let gateway = gateways.get(key);
    if (!gateway) {
      gateway = gatewayOver(createGraphAdapter(connection, optionsFor(connection, options)));
      if (gateways.size >= MAX_CACHED_ADAPTERS) gateways.delete(gateways.keys().next().value!);
      gateways.set(key, gateway);
    }
    return gateway;
  };
}
