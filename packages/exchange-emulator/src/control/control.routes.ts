import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Recipient } from '@microsoft/microsoft-graph-types';
import type { Emulator } from '../emulator.context.ts';
import type { Limits } from '../emulator.options.ts';
import { FAULT_KINDS } from '../limits/fault.service.ts';
import { addressOf, newInternetMessageId, transport, sendFrom, type Envelope } from '../mail/mail-transport.service.ts';
import { buildScenario } from '../scenarios/scenario.factory.ts';
import { KNOWN_PERMISSIONS } from '../scenarios/tenant.scenario.ts';
import { userRecord } from '../scenarios/demo.scenario.ts';
import type { Permission } from '../directory/directory.store.ts';

export interface ControlResult {
  status: number;
  body: unknown;
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const address = z.union([z.string().min(3), z.object({ name: z.string().optional(), address: z.string().min(3) })]);
const addresses = z.union([address, z.array(address)]);

const schemas = {
  reset: z.discriminatedUnion('scenario', [
    z.object({ scenario: z.literal('demo') }),
    z.object({ scenario: z.literal('empty') }),
    z.object({
      scenario: z.literal('scale'),
      mailboxes: z.number().int().min(1).max(10_000),
      messagesPerMailbox: z.number().int().min(0).max(100_000),
      seed: z.number().int().default(1),
    }),
  ]),
  deliver: z.object({
    from: address,
    to: addresses.optional(),
    cc: addresses.optional(),
    bcc: addresses.optional(),
    subject: z.string().default(''),
    body: z.union([z.string(), z.object({ contentType: z.enum(['html', 'text']), content: z.string() })]).default(''),
    internetMessageId: z
      .string()
      .regex(/^<[^<>\s]+@[^<>\s]+>$/, 'must look like <local@domain>')
      .optional(),
    inReplyTo: z.string().optional(),
  }),
  move: z.object({ folder: z.string().min(1) }),
  fault: z.object({
    kind: z.enum(FAULT_KINDS),
    upn: z.string().optional(),
    rate: z.number().min(0).max(1).optional(),
    count: z.number().int().min(1).optional(),
    ms: z.number().int().min(0).max(600_000).optional(),
    retryAfter: z.number().min(0).max(3600).optional(),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
  }),
  user: z.object({
    exchangeLicense: z.boolean().optional(),
    userPrincipalName: z.string().email().optional(),
    mail: z.string().email().optional(),
    mailboxEnabled: z.boolean().optional(),
  }),
  newUser: z.object({
    userPrincipalName: z.string().email(),
    mail: z.string().email().optional(),
    displayName: z.string().optional(),
    exchangeLicense: z.boolean().default(true),
  }),
  app: z.object({
    permissions: z.array(z.string().refine((p) => KNOWN_PERMISSIONS.has(p), 'unknown permission')).optional(),
    accessPolicyMailboxes: z.array(z.string()).nullable().optional(),
  }),
  tenant: z.object({ exchangeSubscription: z.boolean().optional() }),
  lifecycle: z.object({ event: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']) }),
};

function parse<T>(schema: z.ZodType<T>, raw: Buffer): T {
  let value: unknown = {};
  if (raw.length > 0) {
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ControlError(400, 'The body is not valid JSON.');
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ControlError(
      400,
      result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '),
    );
  }
  return result.data;
}

function recipient(value: z.infer<typeof address>): Recipient {
  if (typeof value !== 'string') return { emailAddress: { name: value.name ?? value.address, address: value.address } };
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  return match
    ? { emailAddress: { name: match[1] || match[2]!, address: match[2]! } }
    : { emailAddress: { name: value, address: value } };
}

function recipients(value: z.infer<typeof addresses> | undefined): Recipient[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(recipient);
}

function stateOf(emulator: Emulator, limits: Limits): unknown {
  const state = emulator.state;
  const directory = state.directory;
  const counters = emulator.throttle.counters();
  const notifications = emulator.notifications.summary();
  return {
    tenant: { ...directory.tenant },
    apps: [...directory.apps.values()].map((app) => ({
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      displayName: app.displayName,
      permissions: app.permissions,
      accessPolicyMailboxes: app.accessPolicyUserIds
        ? [...app.accessPolicyUserIds].map((id) => directory.users.get(id)?.userPrincipalName ?? id)
        : null,
    })),
    users: [...directory.users.values()].map((user) => ({
      id: user.id,
      userPrincipalName: user.userPrincipalName,
      mail: user.mail,
      exchangeLicense: user.exchangeLicense,
      mailboxEnabled: user.mailboxEnabled,
      hasMailbox: directory.hasMailbox(user),
    })),
    mailboxes: [...directory.users.values()].flatMap((user) => {
      const data = state.existingData(user.id);
      if (!data) return [];
      return [
        {
          userPrincipalName: user.userPrincipalName,
          userId: user.id,
          messages: data.mail.byKey.size,
          folders: [...data.mail.folders.values()]
            .filter((folder) => folder.messages.size > 0 || !folder.isHidden)
            .map((folder) => ({
              id: folder.id,
              displayName: folder.displayName,
              wellKnownName: folder.wellKnownName ?? null,
              totalItemCount: folder.messages.size,
              unreadItemCount: folder.unread,
            })),
          events: data.calendar.log.size,
          contacts: [...data.contactFolders.values()].reduce((sum, folder) => sum + folder.log.size, 0),
          tasks: [...data.taskLists.values()].reduce((sum, list) => sum + list.log.size, 0),
        },
      ];
    }),
    sentOutsideTenant: state.outbound,
    undeliverable: state.undeliverable,
    throttling: {
      limits: {
        concurrency: limits.mailboxConcurrency,
        requestsPerWindow: limits.mailboxRequestsPerWindow,
        windowSeconds: limits.rateWindowSeconds,
        retryAfterSeconds: limits.retryAfterSeconds,
      },
      requests: counters.reduce((sum, c) => sum + c.requests, 0),
      throttled: counters.reduce((sum, c) => sum + c.throttled, 0),
      violations: counters.reduce((sum, c) => sum + c.retryAfterViolations + c.concurrencyViolations, 0),
      recentViolations: emulator.throttle.recentViolations().map((v) => ({
        ...v,
        at: new Date(v.atMs).toISOString(),
        mailbox: directory.users.get(v.mailbox)?.userPrincipalName ?? v.mailbox,
      })),
      perMailbox: counters.map((c) => ({
        ...c,
        mailbox: directory.users.get(c.mailbox)?.userPrincipalName ?? c.mailbox,
      })),
    },
    faults: emulator.faults.list(),
    subscriptions: notifications.subscriptions.map((s) => ({ ...s, changeTypes: [...s.changeTypes] })),
    notifications: notifications.delivery,
    deltaSyncStates: state.delta.stateCount,
  };
}

/** `/_emulator/...`: scenario resets, state, mail delivery and moves as a user, faults, tenant admin. */
export async function controlRoutes(
  emulator: Emulator,
  method: string,
  segments: string[],
  raw: Buffer,
  context: { origin: string; limits: Limits },
): Promise<ControlResult> {
  try {
    return await dispatch(emulator, method, segments, raw, context);
  } catch (error) {
    if (error instanceof ControlError) return { status: error.status, body: { error: error.message } };
    throw error;
  }
}

async function dispatch(
  emulator: Emulator,
  method: string,
  segments: string[],
  raw: Buffer,
  context: { origin: string; limits: Limits },
): Promise<ControlResult> {
  const route = `${method} ${segments.map((s, i) => (i % 2 === 1 ? ':' : s)).join('/')}`;
  const state = emulator.state;
  const directory = state.directory;
  const userAt = (upn: string | undefined) => {
    const user =
      upn === undefined
        ? undefined
        : (directory.find(decodeURIComponent(upn)) ?? directory.findByAddress(decodeURIComponent(upn)));
    if (!user) throw new ControlError(404, `No user '${upn}' in the tenant.`);
    return user;
  };
  switch (route) {
    case 'POST reset': {
      const spec = parse(schemas.reset, raw);
      const started = Date.now();
      emulator.replaceState(buildScenario(spec, () => context.limits.deltaTokenTtlSeconds * 1000));
      return {
        status: 200,
        body: { scenario: spec.scenario, users: emulator.state.directory.users.size, tookMs: Date.now() - started },
      };
    }
    case 'GET state':
      return { status: 200, body: stateOf(emulator, context.limits) };
    case 'POST mailboxes/:/deliver': {
      const input = parse(schemas.deliver, raw);
      const mailboxUser = userAt(segments[1]);
      const to = recipients(input.to);
      const from = recipient(input.from);
      const body =
        typeof input.body === 'string'
          ? { contentType: /^\s*</.test(input.body) ? ('html' as const) : ('text' as const), content: input.body }
          : input.body;
      const envelope: Envelope = {
        from,
        toRecipients:
          to.length > 0 ? to : [{ emailAddress: { name: mailboxUser.displayName, address: mailboxUser.mail } }],
        ccRecipients: recipients(input.cc),
        bccRecipients: recipients(input.bcc),
        replyTo: [],
        subject: input.subject,
        body,
        importance: 'normal',
        categories: [],
        internetMessageId:
          input.internetMessageId ?? newInternetMessageId(addressOf(from).split('@')[1] ?? 'example.invalid'),
        inReplyTo: input.inReplyTo ?? null,
      };
      const sender = directory.findByAddress(addressOf(from));
      const report =
        sender && directory.hasMailbox(sender)
          ? sendFrom(state, sender, envelope, { saveToSentItems: true, extended: undefined, categories: [] })
          : transport(state, envelope, new Date().toISOString());
      return { status: 201, body: report };
    }
    case 'GET mailboxes/:/messages': {
      // Ground truth for checks: every message of the mailbox, in any folder, with what identifies it.
      const user = userAt(segments[1]);
      if (!directory.hasMailbox(user)) throw new ControlError(409, `'${user.userPrincipalName}' has no mailbox.`);
      const mail = state.data(user).mail;
      const messages = [...mail.byKey.values()].map((message) => {
        const folder = mail.folders.get(message.folderId);
        return {
          id: message.key,
          folder: folder?.wellKnownName ?? folder?.displayName ?? message.folderId,
          internetMessageId: message.internetMessageId,
          subject: message.subject,
          isDraft: message.isDraft,
          sentDateTime: message.sentDateTime,
        };
      });
      return { status: 200, body: { userPrincipalName: user.userPrincipalName, messages } };
    }
    case 'POST mailboxes/:/messages/:/move': {
      const input = parse(schemas.move, raw);
      const user = userAt(segments[1]);
      if (!directory.hasMailbox(user)) throw new ControlError(409, `'${user.userPrincipalName}' has no mailbox.`);
      const mail = state.data(user).mail;
      const message = mail.message(decodeURIComponent(segments[3]!));
      if (!message) throw new ControlError(404, `No message '${segments[3]}' in ${user.userPrincipalName}.`);
      const target = mail.folder(input.folder) ?? mail.folderByPath(input.folder);
      if (!target) throw new ControlError(404, `No folder '${input.folder}' in ${user.userPrincipalName}.`);
      const moved = mail.move(message, target);
      return { status: 200, body: { id: moved.id, immutableId: moved.key, parentFolderId: moved.folderId } };
    }
    case 'POST faults': {
      const input = parse(schemas.fault, raw);
      const userId = input.upn === undefined ? undefined : userAt(input.upn).id;
      return { status: 201, body: emulator.faults.add({ ...input, ...(userId ? { userId } : {}) }) };
    }
    case 'DELETE faults':
      emulator.faults.clear();
      return { status: 200, body: { cleared: true } };
    case 'POST users': {
      const input = parse(schemas.newUser, raw);
      if (directory.find(input.userPrincipalName))
        throw new ControlError(409, `'${input.userPrincipalName}' already exists.`);
      const local = input.userPrincipalName.split('@')[0]!;
      const user = userRecord({
        id: randomUUID(),
        displayName: input.displayName ?? local,
        mail: input.mail ?? input.userPrincipalName,
        userPrincipalName: input.userPrincipalName,
        jobTitle: 'Account Executive',
        exchangeLicense: input.exchangeLicense,
      });
      directory.addUser(user);
      return { status: 201, body: { id: user.id, userPrincipalName: user.userPrincipalName, mail: user.mail } };
    }
    case 'PATCH users/:': {
      const input = parse(schemas.user, raw);
      const user = userAt(segments[1]);
      if (input.userPrincipalName && input.userPrincipalName.toLowerCase() !== user.userPrincipalName.toLowerCase()) {
        if (directory.find(input.userPrincipalName))
          throw new ControlError(409, `'${input.userPrincipalName}' is already taken.`);
        directory.renameUser(user, input.userPrincipalName);
      }
      if (input.mail) directory.changeMail(user, input.mail);
      if (input.exchangeLicense !== undefined) user.exchangeLicense = input.exchangeLicense;
      if (input.mailboxEnabled !== undefined) user.mailboxEnabled = input.mailboxEnabled;
      return { status: 200, body: { ...user, hasMailbox: directory.hasMailbox(user) } };
    }
    case 'PATCH apps/:': {
      const input = parse(schemas.app, raw);
      const app = directory.apps.get(decodeURIComponent(segments[1]!));
      if (!app) throw new ControlError(404, `No app registration '${segments[1]}'.`);
      if (input.permissions) app.permissions = input.permissions as Permission[];
      if (input.accessPolicyMailboxes !== undefined) {
        app.accessPolicyUserIds =
          input.accessPolicyMailboxes === null
            ? null
            : new Set(input.accessPolicyMailboxes.map((upn) => userAt(upn).id));
      }
      return {
        status: 200,
        body: {
          clientId: app.clientId,
          permissions: app.permissions,
          accessPolicyMailboxes: input.accessPolicyMailboxes ?? null,
        },
      };
    }
    case 'PATCH tenant': {
      const input = parse(schemas.tenant, raw);
      if (input.exchangeSubscription !== undefined) directory.tenant.exchangeSubscription = input.exchangeSubscription;
      return { status: 200, body: { ...directory.tenant } };
    }
    case 'POST subscriptions/:/lifecycle': {
      const input = parse(schemas.lifecycle, raw);
      const subscription = emulator.notifications.get(decodeURIComponent(segments[1]!));
      if (!subscription) throw new ControlError(404, `No subscription '${segments[1]}'.`);
      emulator.notifications.lifecycle(subscription, input.event);
      return { status: 202, body: { subscriptionId: subscription.id, lifecycleEvent: input.event } };
    }
    default:
      throw new ControlError(404, `No control endpoint ${method} /_emulator/${segments.join('/')}.`);
  }
}
