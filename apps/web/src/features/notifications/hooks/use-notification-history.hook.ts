import type { CombinedError } from '@urql/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import type { DocumentType } from '../../../gql';
import { useConnectionPages } from '../../../shared/use-connection-pages.hook';
import {
  MarkAllNotificationsReadMutation,
  NotificationHistoryQuery,
  NotificationReceivedSubscription,
  type NotificationItem,
} from '../graphql/notifications.graphql';
import { NOTIFICATION_TYPENAMES } from './use-notifications.hook';

const PAGE_SIZE = 25;
const VARIABLES = { first: PAGE_SIZE };
const select = (data: DocumentType<typeof NotificationHistoryQuery>) => data.notifications;

export type NotificationHistoryState = {
  /** Newest first: those that arrived live while the page is open, then the pages loaded. */
  items: NotificationItem[];
  totalCount: number | null;
  unreadCount: number;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: CombinedError | null;
  markError: CombinedError | null;
  markingRead: boolean;
  loadMore: () => void;
  /** Marks every unread notification read, loaded or not; resolves to whether it worked. */
  markAllRead: () => Promise<boolean>;
};

/** All of the signed-in user's notifications, page by page, with new ones added live. */
export function useNotificationHistory(): NotificationHistoryState {
  const client = useClient();
  const pages = useConnectionPages(NotificationHistoryQuery, VARIABLES, select);
  // The same first page the list reads (one request, from urql's cache), for its unread count.
  const [{ data }] = useQuery({ query: NotificationHistoryQuery, variables: VARIABLES });
  const [received, setReceived] = useState<NotificationItem[]>([]);
  const [{ fetching: markingRead, error: markError }, markAll] = useMutation(MarkAllNotificationsReadMutation);

  useEffect(() => {
    const { unsubscribe } = client.subscription(NotificationReceivedSubscription, {}).subscribe(({ data: event }) => {
      if (event === undefined) return;
      const notification = event.notificationReceived;
      setReceived((previous) => [notification, ...previous.filter(({ id }) => id !== notification.id)]);
    });
    return unsubscribe;
  }, [client]);

  const { rows } = pages;
  const page = data?.notifications;
  const { items, fresh } = useMemo(() => {
    const loadedIds = new Set(rows.map(({ id }) => id));
    // A refetch already holds (and counts) what arrived before it; only the rest is added on top.
    const arrived = received.filter(({ id }) => !loadedIds.has(id));
    return { items: [...arrived, ...rows], fresh: arrived };
  }, [rows, received]);

  const markAllRead = useCallback(async () => {
    // All of them, pages not yet loaded included: the lists on screen are refetched after it.
    const outcome = await markAll({}, NOTIFICATION_TYPENAMES);
    if (outcome.error) return false;
    const now = new Date().toISOString();
    setReceived((previous) => previous.map((item) => (item.readAt === null ? { ...item, readAt: now } : item)));
    return true;
  }, [markAll]);

  return {
    items,
    totalCount: pages.totalCount === null ? null : pages.totalCount + fresh.length,
    unreadCount: (page?.unreadCount ?? 0) + fresh.filter(({ readAt }) => readAt === null).length,
    hasNextPage: pages.hasNextPage,
    loading: pages.loading,
    loadingMore: pages.loadingMore,
    error: pages.error,
    markError: markError ?? null,
    markingRead,
    loadMore: pages.loadMore,
    markAllRead,
  };
}
