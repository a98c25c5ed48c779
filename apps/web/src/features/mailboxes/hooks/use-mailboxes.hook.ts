import type { CombinedError } from '@urql/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import type { DocumentType } from '../../../gql';
import type { MailboxFilter } from '../../../gql/graphql';
import { MailboxesQuery, MailboxStatusChangedSubscription, type MailboxRow } from '../graphql/mailboxes.graphql';

const PAGE_SIZE = 50;

// New mailboxes arrive in bursts (Configure email creates them all at once): one refetch per burst.
const REFETCH_DELAY_MS = 500;

type Connection = DocumentType<typeof MailboxesQuery>['mailboxes'];

/** Pages loaded with "Load more", valid only on top of the first page they followed. */
type MorePages = {
  base: Connection;
  rows: MailboxRow[];
  pageInfo: Connection['pageInfo'];
  loading: boolean;
  error: CombinedError | null;
};

export type MailboxesState = {
  rows: MailboxRow[];
  totalCount: number | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: CombinedError | null;
  liveError: CombinedError | null;
  loadMore: () => void;
  refresh: () => void;
};

/**
 * The filtered mailbox list, page by page, kept current by `mailboxStatusChanged`: a change to a
 * listed mailbox patches its row; a mailbox not listed yet makes the first page load again.
 */
export function useMailboxes(filter: MailboxFilter): MailboxesState {
  const client = useClient();
  const variables = useMemo(() => ({ first: PAGE_SIZE, filter }), [filter]);
  // Nothing listens while the page is away: a return shows the cached list at once, then the current one.
  const [result, reexecute] = useQuery({ query: MailboxesQuery, variables, requestPolicy: 'cache-and-network' });
  const [more, setMore] = useState<MorePages | null>(null);
  const [live, setLive] = useState<ReadonlyMap<string, MailboxRow>>(() => new Map());
  const [liveError, setLiveError] = useState<CombinedError | null>(null);

  const base = result.data?.mailboxes;
  // A refetch or another filter gives a new first page, and the pages loaded after the old one go.
  const extra = more !== null && more.base === base ? more : null;
  const pageInfo = extra?.pageInfo ?? base?.pageInfo;

  const rows = useMemo(() => {
    const seen = new Set<string>();
    const list: MailboxRow[] = [];
    for (const row of [...(base?.edges.map((edge) => edge.node) ?? []), ...(extra?.rows ?? [])]) {
      // Rows can shift between pages while the list changes underneath.
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      // Events arrive in order, so the latest one is never older than a fetched row.
      list.push(live.get(row.id) ?? row);
    }
    return list;
  }, [base, extra, live]);

  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  // The subscription outlives renders; it reads what is on screen through this ref.
  const latest = useRef({ ids: new Set<string>(), refresh });
  useEffect(() => {
    latest.current = { ids: new Set(rows.map((row) => row.id)), refresh };
  }, [rows, refresh]);

  useEffect(() => {
    let timer: number | undefined;
    const { unsubscribe } = client.subscription(MailboxStatusChangedSubscription, {}).subscribe(({ data, error }) => {
      setLiveError(error ?? null);
      if (data === undefined) return;
      const mailbox = data.mailboxStatusChanged;
      setLive((previous) => new Map(previous).set(mailbox.id, mailbox));
      if (!latest.current.ids.has(mailbox.id) && timer === undefined) {
        timer = window.setTimeout(() => {
          timer = undefined;
          latest.current.refresh();
        }, REFETCH_DELAY_MS);
      }
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [client]);

  const loadMore = useCallback(() => {
    if (base === undefined || pageInfo === undefined || !pageInfo.hasNextPage || extra?.loading) return;
    const loaded = extra?.rows ?? [];
    setMore({ base, rows: loaded, pageInfo, loading: true, error: null });
    void client
      .query(MailboxesQuery, { ...variables, after: pageInfo.endCursor }, { requestPolicy: 'network-only' })
      .toPromise()
      .then(({ data, error }) =>
        setMore((current) => {
          if (current === null || current.base !== base) return current;
          if (data === undefined) return { ...current, loading: false, error: error ?? null };
          const next = data.mailboxes;
          return {
            base,
            rows: [...loaded, ...next.edges.map((edge) => edge.node)],
            pageInfo: next.pageInfo,
            loading: false,
            error: null,
          };
        }),
      );
  }, [base, client, extra, pageInfo, variables]);

  return {
    rows,
    totalCount: base?.totalCount ?? null,
    hasNextPage: pageInfo?.hasNextPage ?? false,
    loading: base === undefined && result.fetching,
    loadingMore: extra?.loading ?? false,
    error: result.error ?? extra?.error ?? null,
    liveError,
    loadMore,
    refresh,
  };
}
