import type { CombinedError } from '@urql/core';
import { useCallback, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import type { DocumentType } from '../../../gql';
import { OpportunitiesQuery, type OpportunityRow } from '../graphql/opportunities.graphql';

const PAGE_SIZE = 50;

type Connection = DocumentType<typeof OpportunitiesQuery>['opportunities'];

/** Pages loaded with "Load more", valid only on top of the first page they followed. */
type MorePages = {
  base: Connection;
  rows: OpportunityRow[];
  pageInfo: Connection['pageInfo'];
  loading: boolean;
  error: CombinedError | null;
};

export type OpportunitiesState = {
  rows: OpportunityRow[];
  totalCount: number | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: CombinedError | null;
  loadMore: () => void;
};

/** The opportunities the signed-in user may see (their own and their team's), page by page. */
export function useOpportunities(): OpportunitiesState {
  const client = useClient();
  const variables = useMemo(() => ({ first: PAGE_SIZE }), []);
  // A return to the page shows the cached list at once, then the current one.
  const [result] = useQuery({ query: OpportunitiesQuery, variables, requestPolicy: 'cache-and-network' });
  const [more, setMore] = useState<MorePages | null>(null);

  const base = result.data?.opportunities;
  // A refetch gives a new first page, and the pages loaded after the old one go.
  const extra = more !== null && more.base === base ? more : null;
  const pageInfo = extra?.pageInfo ?? base?.pageInfo;

  const rows = useMemo(() => {
    const seen = new Set<string>();
    const list: OpportunityRow[] = [];
    for (const row of [...(base?.edges.map((edge) => edge.node) ?? []), ...(extra?.rows ?? [])]) {
      // Rows can shift between pages when opportunities are added meanwhile.
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
      .query(OpportunitiesQuery, { ...variables, after: pageInfo.endCursor }, { requestPolicy: 'network-only' })
      .toPromise()
      .then(({ data, error }) =>
        setMore((current) => {
          if (current === null || current.base !== base) return current;
          if (data === undefined) return { ...current, loading: false, error: error ?? null };
          const next = data.opportunities;
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
    loadMore,
  };
}
