import type { CombinedError, TypedDocumentNode } from '@urql/core';
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { ConnectionPage } from './use-connection-pages.hook';

// The largest page the API serves.
const PAGE_SIZE = 200;

export type RecordInConnectionState<Row> = {
  /** Null when the list the user may see has no such record. */
  record: Row | null | undefined;
  loading: boolean;
  error: CombinedError | null;
};

type PageVariables = { first: number; after?: string | null };

/**
 * One record found by id in a list query, read page by page until it shows. The API has no query
 * for a single account, contact or opportunity, and its lists hold exactly the records the user
 * may see. `select` must be stable (declared outside the component).
 */
export function useRecordInConnection<Data, Row extends { id: string }>(
  query: TypedDocumentNode<Data, PageVariables>,
  select: (data: Data) => ConnectionPage<Row>,
  id: string,
): RecordInConnectionState<Row> {
  const client = useClient();
  const [state, setState] = useState<RecordInConnectionState<Row> & { for: string }>({
    for: id,
    record: undefined,
    loading: true,
    error: null,
  });

  useEffect(() => {
    let cancelled = false;
    async function find() {
      let after: string | null = null;
      for (;;) {
        const result = await client
          .query(query, { first: PAGE_SIZE, after }, { requestPolicy: 'network-only' })
          .toPromise();
        if (cancelled) return;
        if (result.data === undefined) {
          setState({ for: id, record: undefined, loading: false, error: result.error ?? null });
          return;
        }
        const page = select(result.data);
        const record = page.edges.find((edge) => edge.node.id === id)?.node;
        if (record !== undefined || !page.pageInfo.hasNextPage || !page.pageInfo.endCursor) {
          setState({ for: id, record: record ?? null, loading: false, error: null });
          return;
        }
        after = page.pageInfo.endCursor;
      }
    }
    void find();
    return () => {
      cancelled = true;
    };
  }, [client, id, query, select]);

  // Another id shows nothing of the previous record while it loads.
  if (state.for !== id) return { record: undefined, loading: true, error: null };
  return { record: state.record, loading: state.loading, error: state.error };
}
