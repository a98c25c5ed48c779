import type { CombinedError } from '@urql/core';
import { useCallback, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import type { DocumentType } from '../../../gql';
import { JobReportQuery, type JobReportItem } from '../graphql/job.graphql';

const PAGE_SIZE = 100;

type Items = NonNullable<DocumentType<typeof JobReportQuery>['job']>['items'];

/** Pages loaded with "Load more", valid only on top of the first page they followed. */
type MorePages = { base: Items; items: JobReportItem[]; pageInfo: Items['pageInfo']; loading: boolean };

export type JobReportState = {
  items: JobReportItem[];
  totalCount: number | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: CombinedError | null;
  loadMore: () => void;
};

/** The per-mailbox outcome of a finished job, page by page. */
export function useJobReport(jobId: string): JobReportState {
  const client = useClient();
  const [result] = useQuery({ query: JobReportQuery, variables: { id: jobId, first: PAGE_SIZE } });
  const [more, setMore] = useState<MorePages | null>(null);
  const [moreError, setMoreError] = useState<CombinedError | null>(null);

  const base = result.data?.job?.items;
  const extra = more !== null && more.base === base ? more : null;
  const pageInfo = extra?.pageInfo ?? base?.pageInfo;

  const items = useMemo(
    () => [...(base?.edges.map((edge) => edge.node) ?? []), ...(extra?.items ?? [])],
    [base, extra],
  );

  const loadMore = useCallback(() => {
    if (base === undefined || pageInfo === undefined || !pageInfo.hasNextPage || extra?.loading) return;
    const loaded = extra?.items ?? [];
    setMore({ base, items: loaded, pageInfo, loading: true });
    setMoreError(null);
    void client
      .query(JobReportQuery, { id: jobId, first: PAGE_SIZE, after: pageInfo.endCursor })
      .toPromise()
      .then(({ data, error }) => {
        const next = data?.job?.items;
        if (next === undefined) setMoreError(error ?? null);
        setMore((current) => {
          if (current === null || current.base !== base) return current;
          if (next === undefined) return { ...current, loading: false };
          return {
            base,
            items: [...loaded, ...next.edges.map((edge) => edge.node)],
            pageInfo: next.pageInfo,
            loading: false,
          };
        });
      });
  }, [base, client, extra, jobId, pageInfo]);

  return {
    items,
    totalCount: base?.totalCount ?? null,
    hasNextPage: pageInfo?.hasNextPage ?? false,
    loading: base === undefined && result.fetching,
    loadingMore: extra?.loading ?? false,
    error: result.error ?? moreError,
    loadMore,
  };
}
