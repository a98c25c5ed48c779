import { randomUUID } from 'node:crypto';
import type { NotificationTiming } from '../emulator.options.ts';
import type { FaultService } from '../limits/fault.service.ts';
import type { EmulatorState } from '../state/emulator.state.ts';
import type { ChangeEvent } from './change-event.ts';

/** What a subscription watches, resolved from its `resource` at creation. */
export interface WatchTarget {
  userId: string;
  resource: ChangeEvent['resource'];
  /** Only changes in this folder / list; any when undefined. */
  containerId: string | undefined;
}

export interface SubscriptionRecord {
  id: string;
  appId: string;
  resource: string;
  target: WatchTarget;
  changeTypes: Set<ChangeEvent['changeType']>;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  expirationDateTime: string;
  immutableIds: boolean;
  creatorId: string;
}

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

export interface DeliveryStats {
  notificationsQueued: number;
  postsSent: number;
  postsAcknowledged: number;
  postsFailed: number;
  notificationsDropped: number;
  lifecycleEventsSent: number;
  /** Change notifications never sent because a `dropNotifications` fault hit them. */
  notificationsMissedByFault: number;
  /** Change notifications sent a second time because a `duplicateNotifications` fault hit them. */
  notificationsDuplicatedByFault: number;
}

/** How long after the first a duplicated notification is sent again (another POST, as Graph's replays come). */
const DUPLICATE_DELAY_MS = 300;

const ODATA_TYPE: Record<ChangeEvent['resource'], string> = {
  message: '#Microsoft.Graph.Message',
  event: '#Microsoft.Graph.Event',
  contact: '#Microsoft.Graph.Contact',
  todoTask: '#Microsoft.Graph.todoTask',
};

function resourcePath(event: ChangeEvent, id: string): string {
  switch (event.resource) {
    case 'message':
      return `Users/${event.userId}/Messages/${id}`;
    case 'event':
      return `Users/${event.userId}/Events/${id}`;
    case 'contact':
      return `Users/${event.userId}/Contacts/${id}`;
    case 'todoTask':
      return `Users/${event.userId}/todo/lists/${event.containerId}/tasks/${id}`;
  }
}

/** Adds a query parameter to a URL, keeping the query string the subscriber put there. */
function withQuery(url: string, name: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.append(name, value);
  return parsed.toString();
}

/**
 * Subscriptions and webhook delivery: the validation handshake, batched notification POSTs
 * acknowledged within a deadline, retries with back-off, and lifecycle events on demand.
 */
export class NotificationService {
  private readonly subscriptions = new Map<string, SubscriptionRecord>();
  private readonly pending = new Map<string, Record<string, unknown>[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly aborts = new Set<AbortController>();
  private stats: DeliveryStats = this.freshStats();

  constructor(
    private readonly timing: NotificationTiming,
    private state: EmulatorState,
    private readonly faults?: FaultService,
  ) {
    state.onChange((event) => this.onChange(event));
  }

  /** Follows a new state: subscriptions and queued deliveries of the old one are dropped. */
  attach(state: EmulatorState): void {
    this.stop();
    this.subscriptions.clear();
    this.stats = this.freshStats();
    this.state = state;
    state.onChange((event) => this.onChange(event));
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const abort of this.aborts) abort.abort();
    this.aborts.clear();
    this.pending.clear();
  }

  summary(): { subscriptions: SubscriptionRecord[]; delivery: DeliveryStats } {
    this.sweep();
    return { subscriptions: [...this.subscriptions.values()], delivery: { ...this.stats } };
  }

  get(id: string): SubscriptionRecord | undefined {
    this.sweep();
    return this.subscriptions.get(id);
  }

  list(appId: string): SubscriptionRecord[] {
    this.sweep();
    return [...this.subscriptions.values()].filter((subscription) => subscription.appId === appId);
  }

  activeFor(userId: string): number {
    this.sweep();
    let count = 0;
    for (const subscription of this.subscriptions.values()) if (subscription.target.userId === userId) count++;
    return count;
  }

  add(subscription: Omit<SubscriptionRecord, 'id'>): SubscriptionRecord {
    const record = { ...subscription, id: randomUUID() };
    this.subscriptions.set(record.id, record);
    return record;
  }

  remove(id: string): boolean {
    return this.subscriptions.delete(id);
  }

  /** The validation handshake: POST `?validationToken=`, expecting 200 and the decoded token back in time. */
  async validate(url: string): Promise<boolean> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const abort = new AbortController();
    this.aborts.add(abort);
    const timer = setTimeout(() => abort.abort(), this.timing.validationTimeoutMs);
    try {
      const response = await fetch(withQuery(url, 'validationToken', token), {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        body: '',
        signal: abort.signal,
      });
      const body = await response.text();
      return response.status === 200 && body === token;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
      this.aborts.delete(abort);
    }
  }

  /** Sends a lifecycle event to the subscription's lifecycle URL; `subscriptionRemoved` also removes it. */
  lifecycle(subscription: SubscriptionRecord, event: LifecycleEvent): void {
    const url = subscription.lifecycleNotificationUrl ?? subscription.notificationUrl;
    if (event === 'subscriptionRemoved') this.subscriptions.delete(subscription.id);
    this.stats.lifecycleEventsSent++;
    void this.post(
      url,
      [
        {
          subscriptionId: subscription.id,
          subscriptionExpirationDateTime: subscription.expirationDateTime,
          tenantId: this.state.directory.tenant.id,
          clientState: subscription.clientState,
          lifecycleEvent: event,
        },
      ],
      0,
      Date.now(),
    );
  }

  private onChange(event: ChangeEvent): void {
    if (this.subscriptions.size === 0) return;
    const now = Date.now();
    for (const subscription of this.subscriptions.values()) {
      const target = subscription.target;
      if (target.userId !== event.userId || target.resource !== event.resource) continue;
      if (target.containerId !== undefined && target.containerId !== event.containerId) continue;
      if (!subscription.changeTypes.has(event.changeType) || Date.parse(subscription.expirationDateTime) <= now)
        continue;
      if (this.faults?.hit('dropNotifications', event.userId)) {
        this.stats.notificationsMissedByFault++;
        continue;
      }
      const id = subscription.immutableIds ? event.immutableId : event.id;
      const path = resourcePath(event, id);
      const notification = {
        id: randomUUID().replaceAll('-', '').slice(0, 20),
        subscriptionId: subscription.id,
        subscriptionExpirationDateTime: subscription.expirationDateTime,
        clientState: subscription.clientState,
        changeType: event.changeType,
        resource: path,
        tenantId: this.state.directory.tenant.id,
        resourceData: {
          '@odata.type': ODATA_TYPE[event.resource],
          '@odata.id': path,
          '@odata.etag': `W/"${event.changeKey}"`,
          id,
        },
      };
      this.enqueue(subscription.notificationUrl, notification);
      if (this.faults?.hit('duplicateNotifications', event.userId)) {
        this.stats.notificationsDuplicatedByFault++;
        const url = subscription.notificationUrl;
        this.later(DUPLICATE_DELAY_MS, () => this.enqueue(url, notification));
      }
    }
  }

  private enqueue(url: string, notification: Record<string, unknown>): void {
    this.stats.notificationsQueued++;
    const batch = this.pending.get(url);
    if (batch) {
      batch.push(notification);
      return;
    }
    this.pending.set(url, [notification]);
    this.later(this.timing.batchWindowMs, () => {
      const items = this.pending.get(url) ?? [];
      this.pending.delete(url);
      void this.post(url, items, 0, Date.now());
    });
  }

  private async post(
    url: string,
    value: Record<string, unknown>[],
    attempt: number,
    firstAttemptMs: number,
  ): Promise<void> {
    const abort = new AbortController();
    this.aborts.add(abort);
    const timer = setTimeout(() => abort.abort(), this.timing.ackTimeoutMs);
    this.stats.postsSent++;
    let acknowledged: boolean;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ value }),
        signal: abort.signal,
      });
      await response.arrayBuffer();
      acknowledged = response.status >= 200 && response.status < 300;
    } catch {
      acknowledged = false;
    } finally {
      clearTimeout(timer);
      this.aborts.delete(abort);
    }
    if (acknowledged) {
      this.stats.postsAcknowledged++;
      return;
    }
    this.stats.postsFailed++;
    const delay = this.timing.retryInitialDelayMs * 2 ** attempt;
    if (Date.now() + delay - firstAttemptMs > this.timing.retryWindowMs) {
      this.stats.notificationsDropped += value.length;
      return;
    }
    this.later(delay, () => void this.post(url, value, attempt + 1, firstAttemptMs));
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, subscription] of this.subscriptions)
      if (Date.parse(subscription.expirationDateTime) <= now) this.subscriptions.delete(id);
  }

  private freshStats(): DeliveryStats {
    return {
      notificationsQueued: 0,
      postsSent: 0,
      postsAcknowledged: 0,
      postsFailed: 0,
      notificationsDropped: 0,
      lifecycleEventsSent: 0,
      notificationsMissedByFault: 0,
      notificationsDuplicatedByFault: 0,
    };
  }
}
