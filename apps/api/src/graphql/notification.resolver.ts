import { TOPICS, type Notification } from '@mailroom/domain';
import { Repeater } from '@repeaterjs/repeater';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { toConnection } from './connection.ts';
import { requirePrincipal } from '../auth-checker.ts';
import type { ApiContext } from '../context.ts';
import { NotificationConnection, NotificationType } from './notification.type.ts';

@Resolver(() => NotificationType)
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, { description: 'The signed-in user’s notifications, newest first.' })
  async notifications(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ApiContext,
  ): Promise<NotificationConnection> {
    const page = await context.services.notifications.list(requirePrincipal(context), first, after);
    return { ...toConnection(page), unreadCount: page.unreadCount };
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks the signed-in user’s notifications read; returns how many changed.' })
  markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: ApiContext): Promise<number> {
    return context.services.notifications.markRead(requirePrincipal(context), ids);
  }

  @Authorized()
  @Mutation(() => Int, {
    description: 'Marks every unread notification of the signed-in user read, loaded or not; returns how many changed.',
  })
  markAllNotificationsRead(@Ctx() context: ApiContext): Promise<number> {
    return context.services.notifications.markAllRead(requirePrincipal(context));
  }

  @Authorized()
  @Subscription(() => NotificationType, {
    description: 'Each new notification for the signed-in user, live.',
    subscribe: ({ context }) => {
      const { services } = context as ApiContext;
      const principal = requirePrincipal(context as ApiContext);
      const events = services.pubSub.subscribe(TOPICS.NOTIFICATION_RECEIVED, principal.userId);
      return new Repeater<Notification>(async (push, stop) => {
        const iterator = events[Symbol.asyncIterator]();
        stop.then(() => iterator.return?.());
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          const notification = await services.notifications.get(principal, next.value.notificationId);
          if (notification) await push(notification);
        }
        stop();
      });
    },
  })
  notificationReceived(@Root() notification: Notification): Notification {
    return notification;
  }
}
