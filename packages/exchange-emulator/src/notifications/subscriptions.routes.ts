import type { Permission } from '../directory/directory.store.ts';
import { POLICY_AREAS, ROLES, type Area, type RouteContext, type RouteTable } from '../graph/graph-route.ts';
import { errors, GraphError } from '../http/graph-error.ts';
import { empty, json } from '../http/http.types.ts';
import { pathSegments, Router } from '../http/router.ts';
import type { ChangeEvent } from './change-event.ts';
import type { SubscriptionRecord, WatchTarget } from './notification.service.ts';

const MAX_MINUTES: Record<ChangeEvent['resource'], number> = {
  message: 10_070,
  event: 10_070,
  contact: 10_070,
  todoTask: 4_230,
};
const MAX_PER_MAILBOX = 1000;
const AREA_OF: Record<ChangeEvent['resource'], Area> = {
  message: 'mail',
  event: 'calendar',
  contact: 'contacts',
  todoTask: 'todo',
};

function extensionError(status: number, message: string): GraphError {
  return new GraphError(
    status,
    'ExtensionError',
    `Operation: Create; Exception: [Status Code: ${status === 403 ? 'Forbidden' : 'BadRequest'}; Reason: ${message}]`,
  );
}

type Watchable = 'messages' | 'folderMessages' | 'events' | 'contacts' | 'folderContacts' | 'tasks';
const RESOURCES = new Router<Watchable>();
RESOURCES.add('GET', 'users/:user/messages', 'messages');
RESOURCES.add('GET', 'users/:user/mailFolders/:folder/messages', 'folderMessages');
RESOURCES.add('GET', 'users/:user/events', 'events');
RESOURCES.add('GET', 'users/:user/calendar/events', 'events');
RESOURCES.add('GET', 'users/:user/contacts', 'contacts');
RESOURCES.add('GET', 'users/:user/contactFolders/:folder/contacts', 'folderContacts');
RESOURCES.add('GET', 'users/:user/todo/lists/:list/tasks', 'tasks');

/** Resolves `users/{id}/mailFolders('inbox')/messages` and its siblings to what they watch. */
function resolveResource(ctx: RouteContext, resource: string): WatchTarget {
  const segments = pathSegments(resource.split('?')[0]!);
  if (segments[0]?.toLowerCase() === 'me')
    throw errors.badRequest('/me request is only valid with delegated authentication flow.');
  const match = RESOURCES.match('GET', segments);
  if (!match || match === 'method-not-allowed')
    throw extensionError(400, `The resource '${resource}' is not supported.`);
  const { params } = match;
  const user = ctx.state.directory.find(params['user']!);
  if (!user) throw errors.invalidUser(params['user']!);
  if (!ctx.state.directory.hasMailbox(user)) throw errors.mailboxNotEnabled();
  const data = ctx.state.data(user);
  const found = <T>(value: T | undefined): T => {
    if (value === undefined) throw errors.itemNotFound();
    return value;
  };
  switch (match.route) {
    case 'messages':
      return { userId: user.id, resource: 'message', containerId: undefined };
    case 'folderMessages':
      return { userId: user.id, resource: 'message', containerId: found(data.mail.folder(params['folder']!)).id };
    case 'events':
      return { userId: user.id, resource: 'event', containerId: data.calendar.id };
    case 'contacts':
      return { userId: user.id, resource: 'contact', containerId: data.contacts.id };
    case 'folderContacts':
      return { userId: user.id, resource: 'contact', containerId: found(data.contactFolder(params['folder']!)).id };
    case 'tasks':
      return { userId: user.id, resource: 'todoTask', containerId: found(data.taskLists.get(params['list']!)).id };
  }
}

function checkAccess(ctx: RouteContext, target: WatchTarget): void {
  const area = AREA_OF[target.resource];
  const allowed: Permission[] = ROLES[area].read ?? [];
  if (!allowed.some((role) => ctx.claims.roles.includes(role))) throw errors.accessDenied();
  if (POLICY_AREAS.has(area) && ctx.app.accessPolicyUserIds && !ctx.app.accessPolicyUserIds.has(target.userId))
    throw errors.accessPolicy();
}

function checkExpiration(value: unknown, target: WatchTarget): string {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms))
    throw errors.badRequest('expirationDateTime is required and must be an ISO 8601 date and time.');
  const minutes = (ms - Date.now()) / 60_000;
  if (minutes <= 0) throw extensionError(400, 'Subscription expiration can only be in the future.');
  const max = MAX_MINUTES[target.resource];
  if (minutes > max) throw extensionError(400, `Subscription expiration can only be ${max} minutes in the future.`);
  return new Date(ms).toISOString();
}

function renderSubscription(subscription: SubscriptionRecord): Record<string, unknown> {
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity',
    id: subscription.id,
    resource: subscription.resource,
    applicationId: subscription.appId,
    changeType: [...subscription.changeTypes].join(','),
    clientState: subscription.clientState,
    notificationUrl: subscription.notificationUrl,
    notificationQueryOptions: null,
    lifecycleNotificationUrl: subscription.lifecycleNotificationUrl,
    expirationDateTime: subscription.expirationDateTime,
    creatorId: subscription.creatorId,
    includeResourceData: false,
    latestSupportedTlsVersion: 'v1_2',
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
  };
}

function ownSubscription(ctx: RouteContext): SubscriptionRecord {
  const subscription = ctx.emulator.notifications.get(ctx.params['id']!);
  if (!subscription || subscription.appId !== ctx.app.clientId)
    throw new GraphError(404, 'ResourceNotFound', 'The object was not found.');
  return subscription;
}

function httpUrl(value: unknown, name: string): string {
  if (typeof value !== 'string') throw errors.badRequest(`${name} is required.`);
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return value;
  } catch {
    // reported below
  }
  throw errors.badRequest(`${name} must be an absolute http(s) URL.`);
}

export const subscriptionRoutes: RouteTable = [
  [
    'POST',
    'subscriptions',
    {
      area: 'subscriptions',
      access: 'write',
      handler: async (ctx) => {
        const body = (ctx.req.body ?? {}) as Record<string, unknown>;
        if (typeof body !== 'object' || Array.isArray(body))
          throw errors.badRequest('The request body must be a JSON object.');
        const changeTypes = String(body['changeType'] ?? '')
          .split(',')
          .map((type) => type.trim());
        if (changeTypes.some((type) => type !== 'created' && type !== 'updated' && type !== 'deleted'))
          throw errors.badRequest('changeType must be a comma-separated list of created, updated and deleted.');
        if (typeof body['resource'] !== 'string') throw errors.badRequest('resource is required.');
        if (body['includeResourceData'] === true)
          throw extensionError(
            400,
            'includeResourceData is not supported by the emulator; subscribe without resource data.',
          );
        const clientState = body['clientState'];
        if (
          clientState !== undefined &&
          clientState !== null &&
          (typeof clientState !== 'string' || clientState.length > 128)
        )
          throw errors.badRequest('clientState must be a string of at most 128 characters.');
        const notificationUrl = httpUrl(body['notificationUrl'], 'notificationUrl');
        const lifecycleNotificationUrl =
          body['lifecycleNotificationUrl'] == null
            ? null
            : httpUrl(body['lifecycleNotificationUrl'], 'lifecycleNotificationUrl');
        const target = resolveResource(ctx, body['resource']);
        checkAccess(ctx, target);
        const expirationDateTime = checkExpiration(body['expirationDateTime'], target);
        const notifications = ctx.emulator.notifications;
        if (notifications.activeFor(target.userId) >= MAX_PER_MAILBOX)
          throw extensionError(403, 'The maximum number of subscriptions for this mailbox has been reached.');
        for (const url of lifecycleNotificationUrl ? [notificationUrl, lifecycleNotificationUrl] : [notificationUrl]) {
          if (!(await notifications.validate(url))) {
            throw new GraphError(
              400,
              'InvalidRequest',
              'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
            );
          }
        }
        const subscription = notifications.add({
          appId: ctx.app.clientId,
          resource: body['resource'],
          target,
          changeTypes: new Set(changeTypes as ChangeEvent['changeType'][]),
          notificationUrl,
          lifecycleNotificationUrl,
          clientState: (clientState as string | null | undefined) ?? null,
          expirationDateTime,
          immutableIds: ctx.immutableIds,
          creatorId: ctx.app.servicePrincipalId,
        });
        return json(renderSubscription(subscription), 201);
      },
    },
  ],
  [
    'GET',
    'subscriptions',
    {
      area: 'subscriptions',
      access: 'read',
      handler: (ctx) => json({ value: ctx.emulator.notifications.list(ctx.app.clientId).map(renderSubscription) }),
    },
  ],
  [
    'GET',
    'subscriptions/:id',
    { area: 'subscriptions', access: 'read', handler: (ctx) => json(renderSubscription(ownSubscription(ctx))) },
  ],
  [
    'PATCH',
    'subscriptions/:id',
    {
      area: 'subscriptions',
      access: 'write',
      handler: (ctx) => {
        const subscription = ownSubscription(ctx);
        const body = (ctx.req.body ?? {}) as Record<string, unknown>;
        for (const key of Object.keys(body))
          if (key !== 'expirationDateTime' && key !== 'notificationUrl')
            throw errors.badRequest(`Property '${key}' cannot be updated.`);
        if (body['expirationDateTime'] !== undefined)
          subscription.expirationDateTime = checkExpiration(body['expirationDateTime'], subscription.target);
        if (body['notificationUrl'] !== undefined)
          subscription.notificationUrl = httpUrl(body['notificationUrl'], 'notificationUrl');
        return json(renderSubscription(subscription));
      },
    },
  ],
  [
    'DELETE',
    'subscriptions/:id',
    {
      area: 'subscriptions',
      access: 'write',
      handler: (ctx) => {
        ctx.emulator.notifications.remove(ownSubscription(ctx).id);
        return empty(204);
      },
    },
  ],
  [
    'POST',
    'subscriptions/:id/reauthorize',
    {
      area: 'subscriptions',
      access: 'write',
      handler: (ctx) => {
        checkAccess(ctx, ownSubscription(ctx).target);
        return empty(204);
      },
    },
  ],
];
