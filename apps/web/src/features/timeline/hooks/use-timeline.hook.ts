import type { CombinedError } from '@urql/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { DocumentType } from '../../../gql';
import { useConnectionPages } from '../../../shared/use-connection-pages.hook';
import { useReconnects } from '../../../shared/use-reconnects.hook';
import { TimelineChangedSubscription, TimelineQuery, type TimelineActivity } from '../graphql/timeline.graphql';
import { threadsOf, withLiveChanges, type LiveChange, type Thread } from '../timeline-threads';

const PAGE_SIZE = 20;

// The API's Activity interface has exactly these two implementations.
const select = (data: DocumentType<typeof TimelineQuery>) =>
  data.timeline as Omit<typeof data.timeline, 'edges'> & { edges: { node: TimelineActivity }[] };

export type TimelineState = {
  /** The record whose timeline this is. */
  regardingId: string;
  threads: Thread<TimelineActivity>[];
  totalCount: number | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: CombinedError | null;
  /** Set when the live updates stopped; the timeline may then be out of date. */
  liveError: CombinedError | null;
  loadMore: () => void;
  /** Shows an email the user just sent (or a task just created or changed) at once, before the live update says so. */
  showSent: (activity: TimelineActivity) => void;
  /** Shows an activity the user just changed (e.g. a task completed) as the API returned it. */
  showChanged: (activity: TimelineActivity) => void;
};

type LiveChanges = ReadonlyMap<string, LiveChange<TimelineActivity>>;

/**
 * A record's timeline, page by page, kept current by `timelineChanged`: each event carries the
 * activity as it now is, so new and changed emails show without reading the pages again (which
 * would drop the pages loaded with "Load more"). Events sent while the websocket was lost never
 * arrive: once it is back, the first page is read again.
 */
export function useTimeline(regardingId: string): TimelineState {
  const client = useClient();
  const variables = useMemo(() => ({ regardingId, first: PAGE_SIZE }), [regardingId]);
  const pages = useConnectionPages(TimelineQuery, variables, select);
  const [live, setLive] = useState<LiveChanges>(new Map());
  const [liveError, setLiveError] = useState<CombinedError | null>(null);
  const reconnects = useReconnects();
  const latest = useRef({ live, reconnects });
  useEffect(() => {
    latest.current.live = live;
  }, [live]);

  useEffect(() => {
    const { unsubscribe } = client
      .subscription(TimelineChangedSubscription, { regardingId })
      .subscribe(({ data, error }) => {
        setLiveError(error ?? null);
        const event = data?.timelineChanged;
        if (event === undefined) return;
        setLive((previous) =>
          new Map(previous).set(event.activityId, {
            change: event.change,
            entry: (event.activity as TimelineActivity | null) ?? null,
          }),
        );
      });
    return unsubscribe;
  }, [client, regardingId]);

  useEffect(() => {
    if (latest.current.reconnects === reconnects) return;
    latest.current.reconnects = reconnects;
    // What the events said before the socket was lost is older than the page read now: once it
    // is here, only what events said since stays on top of it.
    const before = latest.current.live;
    void client
      .query(TimelineQuery, variables, { requestPolicy: 'network-only' })
      .toPromise()
      .then(({ data }) => {
        if (data === undefined) return;
        setLive((current) => {
          const next = new Map(current);
          for (const [id, change] of before) if (next.get(id) === change) next.delete(id);
          return next;
        });
      });
  }, [client, reconnects, variables]);

  const showSent = useCallback((activity: TimelineActivity) => {
    // An event may have come first, with a later status than the mutation's answer.
    setLive((previous) =>
      previous.has(activity.id) ? previous : new Map(previous).set(activity.id, { change: 'CREATED', entry: activity }),
    );
  }, []);

  const showChanged = useCallback((activity: TimelineActivity) => {
    setLive((previous) => new Map(previous).set(activity.id, { change: 'UPDATED', entry: activity }));
  }, []);

  const { rows, totalCount: loadedCount, hasNextPage } = pages;
  const { threads, totalCount } = useMemo(() => {
    const merged = withLiveChanges(rows, live, loadedCount ?? 0, loadedCount !== null && !hasNextPage);
    return { threads: threadsOf(merged.entries), totalCount: merged.totalCount };
  }, [rows, live, loadedCount, hasNextPage]);

  return {
    regardingId,
    threads,
    totalCount: loadedCount === null ? null : totalCount,
    hasNextPage,
    loading: pages.loading,
    loadingMore: pages.loadingMore,
    error: pages.error,
    liveError,
    loadMore: pages.loadMore,
    showSent,
    showChanged,
  };
}
