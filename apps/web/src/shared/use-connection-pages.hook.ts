import type { AnyVariables, CombinedError, TypedDocumentNode } from '@urql/core';
import { useCallback, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';

/** What every Relay connection of the API gives a list page. */
export interface ConnectionPage<Row> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: Row }[];
}

/** Pages loaded with "Load more", valid only on top of the first page they followed. */
type MorePages<Row> = {
  base: ConnectionPage<Row>;
  rows: Row[];
  pageInfo: ConnectionPage<Row>['pageInfo'];
  loading: boolean;
  error: CombinedError | null;
};

export type ConnectionPagesState<Row> = {
  rows: Row[];
  totalCount: number | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: CombinedError | null;
  loadMore: () => void;
  /** Loads the first page again from the network (later pages go). */
  refresh: () => void;
};

/**
 * A list query read page by page: the first page from urql (cached, then current), more with
 * "Load more". A new first page (refetch, other variables) drops the pages loaded after the old
 * one. `select` must be stable (declared outside the component).
 */
export function useConnectionPages<Data, Variables extends AnyVariables, Row extends { id: string }>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  select: (data: Data) => ConnectionPage<Row>,
): ConnectionPagesState<Row> {
  const client = useClient();
  // A return to the page shows the cached list at once, then the current one.
  const [result, reexecute] = useQuery({ query, variables, requestPolicy: 'cache-and-network' });
  const [more, setMore] = useState<MorePages<Row> | null>(null);

  const base = result.data === undefined ? undefined : select(result.data);
  const extra = more !== null && more.base === base ? more : null;
  const pageInfo = extra?.pageInfo ?? base?.pageInfo;

  const rows = useMemo(() => {
    const seen = new Set<string>();
    const list: Row[] = [];
    for (const row of [...(base?.edges.map((edge) => edge.node) ?? []), ...(extra?.rows ?? [])]) {
      // Rows can shift between pages when the list changes meanwhile.
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      list.push(row);
    }
    return list;
  }, [base, extra]);

  const loadMore = useCallback(() => {
    if (base === undefined || pageInfo === undefined || !pageInfo.hasNextPage || extra?.loading) return;
    const loaded = extra?.rows ?? [];
    setMore({ base, rows: loaded, pageInfo, loading: true, error: null });
    void client
      .query(query, { ...variables, after: pageInfo.endCursor } as Variables, { requestPolicy: 'network-only' })
      .toPromise()
      .then(({ data, error }) =>
        setMore((current) => {
          if (current === null || current.base !== base) return current;
          if (data === undefined) return { ...current, loading: false, error: error ?? null };
          const next = select(data);
          return {
            base,
            rows: [...loaded, ...next.edges.map((edge) => edge.node)],
            pageInfo: next.pageInfo,
            loading: false,
            error: null,
          };
        }),
      );
  }, [base, client, extra, pageInfo, query, select, variables]);

  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  return {
    rows,
    totalCount: base?.totalCount ?? null,
    hasNextPage: pageInfo?.hasNextPage ?? false,
    loading: base === undefined && result.fetching,
    loadingMore: extra?.loading ?? false,
    error: result.error ?? extra?.error ?? null,
    loadMore,
    refresh,
  };
}
