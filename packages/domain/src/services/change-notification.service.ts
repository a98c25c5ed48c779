import { timingSafeEqual } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { GraphSubscription } from '../entities/email.entities.ts';
import { hashClientState } from './mailbox-sync.runner.ts';

/** A change or lifecycle notification as Exchange posted it (parsed by the Graph adapter). */
export interface ReceivedNotification {
  subscriptionId: string;
  clientState: string | null | undefined;
  lifecycleEvent?: 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';
}

export interface NotificationOutcome {
  /** Mailboxes to sync now. */
  wake: string[];
  /** Notifications whose subscription is unknown or whose clientState does not match (forgeries). */
  rejected: number;
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Turns change notifications into sync wake-ups. Each must name a subscription Mailroom holds and
 * carry its clientState; the rest are counted and dropped. Lifecycle events: `missed` and
 * `subscriptionRemoved` sync at once (the sync recreates a removed subscription), and
 * `reauthorizationRequired` marks the subscription for renewal by that sync.
 */
export class ChangeNotificationService {
  constructor(private readonly dataSource: DataSource) {}

  async receive(notifications: readonly ReceivedNotification[]): Promise<NotificationOutcome> {
    const repository = this.dataSource.getRepository(GraphSubscription);
    const ids = [...new Set(notifications.map((n) => n.subscriptionId))].filter((id) => id.length <= 100);
    const subscriptions = ids.length ? await repository.findBy({ id: In(ids) }) : [];
    const byId = new Map(subscriptions.map((s) => [s.id, s]));
    const wake = new Set<string>();
    const removed: string[] = [];
    const renew: string[] = [];
    let rejected = 0;
    for (const notification of notifications) {
      const subscription = byId.get(notification.subscriptionId);
      if (
        !subscription ||
        !notification.clientState ||
        !sameHash(hashClientState(notification.clientState), subscription.clientStateHash)
      ) {
        rejected += 1;
        continue;
      }
      wake.add(subscription.mailboxId);
      if (notification.lifecycleEvent === 'subscriptionRemoved') removed.push(subscription.id);
      if (notification.lifecycleEvent === 'reauthorizationRequired') renew.push(subscription.id);
    }
    if (removed.length > 0) await repository.delete({ id: In(removed) });
    if (renew.length > 0) await repository.update({ id: In(renew) }, { expiresAt: new Date() });
    return { wake: [...wake], rejected };
  }
}
