import type { CombinedError } from '@urql/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import {
  MarkAllNotificationsReadMutation,
  NotificationReceivedSubscription,
  NotificationsQuery,
  type NotificationItem,
} from '../graphql/notifications.graphql';

const PAGE_SIZE = 50;

/**
 * Marking read returns a count, no notification: the mutation names the type so urql refetches
 * every list of them on screen (the bell's and the notifications page's).
 */
export const NOTIFICATION_TYPENAMES = { additionalTypenames: ['Notification'] };

export type NotificationsState = {
  /** Newest first: those that arrived live, then the latest fetched page. */
  items: NotificationItem[];
  unreadCount: number;
  error: CombinedError | null;
  markingRead: boolean;
  /** Marks every unread notification read, loaded or not; resolves to whether it worked. */
  markAllRead: () => Promise<boolean>;
};

/** The signed-in user's notifications, with new ones added as `notificationReceived` delivers them. */
export function useNotifications(): NotificationsState {
  const client = useClient();
  const [result, reexecute] = useQuery({ query: NotificationsQuery, variables: { first: PAGE_SIZE } });
  const [received, setReceived] = useState<NotificationItem[]>([]);
  const [{ fetching: markingRead, error: markError }, markAll] = useMutation(MarkAllNotificationsReadMutation);

  useEffect(() => {
    const { unsubscribe } = client.subscription(NotificationReceivedSubscription, {}).subscribe(({ data }) => {
      if (data === undefined) return;
      const notification = data.notificationReceived;
      setReceived((previous) => [notification, ...previous.filter(({ id }) => id !== notification.id)]);
    });
    return unsubscribe;
  }, [client]);

  const page = result.data?.notifications;
  const { items, unreadCount } = useMemo(() => {
    const fetched = page?.edges.map((edge) => edge.node) ?? [];
    const fetchedIds = new Set(fetched.map(({ id }) => id));
    // A refetch already counts what arrived before it; only the rest is added on top.
    const fresh = received.filter(({ id }) => !fetchedIds.has(id));
    return {
      items: [...fresh, ...fetched],
      unreadCount: (page?.unreadCount ?? 0) + fresh.filter(({ readAt }) => readAt === null).length,
    };
  }, [page, received]);

  const markAllRead = useCallback(async () => {
    const outcome = await markAll({}, NOTIFICATION_TYPENAMES);
    if (outcome.error) return false;
    const now = new Date().toISOString();
    setReceived((previous) => previous.map((item) => (item.readAt === null ? { ...item, readAt: now } : item)));
    reexecute({ requestPolicy: 'network-only' });
    return true;
  }, [markAll, reexecute]);

  return { items, unreadCount, error: result.error ?? markError ?? null, markingRead, markAllRead };
}
