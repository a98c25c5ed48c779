import type { CombinedError } from '@urql/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';
import type { DocumentType } from '../../../gql';
import { useConnectionPages } from '../../../shared/use-connection-pages.hook';
import { TimelineChangedSubscription, TimelineQuery, type TimelineEmail } from '../graphql/timeline.graphql';
import { threadsOf, withLiveChanges, type LiveChange, type Thread } from '../timeline-threads';

const PAGE_SIZE = 20;

const select = (data: DocumentType<typeof TimelineQuery>) => data.timeline;

export type TimelineState = {
  /** The record whose timeline this is. */
  regardingId: string;
  threads: Thread<TimelineEmail>[];
  totalCount: number | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: CombinedError | null;
  /** Set when the live updates stopped; the timeline may then be out of date. */
  liveError: CombinedError | null;
  loadMore: () => void;
  /** Shows an email the user just sent at once, before the live update says so. */
  showSent: (email: TimelineEmail) => void;
};

/**
 * A record's timeline, page by page, kept current by `timelineChanged`: each event carries the
 * activity as it now is, so new and changed emails show without reading the pages again (which
 * would drop the pages loaded with "Load more").
 */
export function useTimeline(regardingId: string): TimelineState {
  const client = useClient();
  const variables = useMemo(() => ({ regardingId, first: PAGE_SIZE }), [regardingId]);
  const pages = useConnectionPages(TimelineQuery, variables, select);
  const [live, setLive] = useState<ReadonlyMap<string, LiveChange<TimelineEmail>>>(new Map());
  const [liveError, setLiveError] = useState<CombinedError | null>(null);

  useEffect(() => {
    const { unsubscribe } = client
      .subscription(TimelineChangedSubscription, { regardingId })
      .subscribe(({ data, error }) => {
        setLiveError(error ?? null);
        const event = data?.timelineChanged;
        if (event === undefined) return;
        setLive((previous) =>
          new Map(previous).set(event.activityId, { change: event.change, entry: event.activity ?? null }),
        );
      });
    return unsubscribe;
  }, [client, regardingId]);

  const showSent = useCallback((email: TimelineEmail) => {
    // An event may have come first, with a later status than the mutation's answer.
    setLive((previous) =>
      previous.has(email.id) ? previous : new Map(previous).set(email.id, { change: 'CREATED', entry: email }),
    );
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
  };
}
