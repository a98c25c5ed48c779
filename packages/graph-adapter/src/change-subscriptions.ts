import type { Subscription } from '@microsoft/microsoft-graph-types';
import { collectPages } from './collection-pages.ts';
import { PERMISSIONS, type PermissionNeed } from './graph-permissions.ts';
import { segment, type GraphContext } from './graph-transport.ts';

/** What Mailroom subscribes to; Graph validates both URLs before answering. */
export interface SubscriptionRequest {
  /** e.g. `users/{id}/mailFolders/inbox/messages`, `users/{id}/events`, `users/{id}/todo/lists/{id}/tasks`. */
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  expirationDateTime: Date;
  /** Echoed in every notification so the receiver can tell them from forgeries; at most 128 characters. */
  clientState: string;
}

/**
 * Creates a change-notification subscription. Sent with immutable ids preferred, so the ids in
 * its notifications are immutable ones (the id type is fixed at creation). Graph first sends a
 * validation request to the notification URLs and fails the creation if they do not echo it.
 */
export function createSubscription(context: GraphContext, request: SubscriptionRequest): Promise<Subscription> {
  const mailbox = resourceMailbox(request.resource);
  return context.transport.execute<Subscription>({
    method: 'POST',
    url: '/subscriptions',
    body: { ...request, expirationDateTime: request.expirationDateTime.toISOString() },
    ...(mailbox === undefined ? {} : { mailbox }),
    permission: resourcePermission(request.resource),
  });
}

/** Extends a subscription's lifetime. */
export function renewSubscription(
  context: GraphContext,
  subscriptionId: string,
  expirationDateTime: Date,
): Promise<Subscription> {
  return context.transport.execute<Subscription>({
    method: 'PATCH',
    url: `/subscriptions/${segment(subscriptionId)}`,
    body: { expirationDateTime: expirationDateTime.toISOString() },
  });
}

/** Answers a `reauthorizationRequired` lifecycle event. */
export async function reauthorizeSubscription(context: GraphContext, subscriptionId: string): Promise<void> {
  await context.transport.execute<void>({
    method: 'POST',
    url: `/subscriptions/${segment(subscriptionId)}/reauthorize`,
    idempotent: true,
  });
}

/** Deletes a subscription. */
export async function deleteSubscription(context: GraphContext, subscriptionId: string): Promise<void> {
  await context.transport.execute<void>({ method: 'DELETE', url: `/subscriptions/${segment(subscriptionId)}` });
}

/** The app's subscriptions in this tenant, for reconciling them with what Mailroom expects. */
export function listSubscriptions(context: GraphContext): Promise<Subscription[]> {
  return collectPages<Subscription>(context, { url: '/subscriptions' });
}

/** The mailbox a subscription resource belongs to (`users/{id}/...`), for the per-mailbox limiter. */
export function resourceMailbox(resource: string): string | undefined {
  const match = /^\/?users\/([^/]+)\//i.exec(resource);
  if (match?.[1] === undefined) return undefined;
  return decodeURIComponent(match[1]);
}

function resourcePermission(resource: string): PermissionNeed | undefined {
  const path = resource.toLowerCase();
  if (path.includes('/todo/')) return PERMISSIONS.tasksRead;
  if (path.includes('/events') || path.includes('/calendar')) return PERMISSIONS.calendarsRead;
  if (path.includes('/contacts')) return PERMISSIONS.contactsRead;
  if (path.includes('/messages') || path.includes('/mailfolders')) return PERMISSIONS.mailRead;
  return undefined;
}
