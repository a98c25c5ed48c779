import type { CombinedError, TypedDocumentNode } from '@urql/core';
import { useQuery } from 'urql';

export type RecordState<Row> = {
  /** Null when there is no such record, or the user may not see it. */
  record: Row | null | undefined;
  loading: boolean;
  error: CombinedError | null;
};

/**
 * One record read by id with its single-record query (null when the API has none the user may
 * see), afresh each time the page shows it.
 */
export function useRecordQuery<Data, Row>(
  query: TypedDocumentNode<Data, { id: string }>,
  select: (data: Data) => Row | null,
  id: string,
): RecordState<Row> {
  const [result] = useQuery({ query, variables: { id }, requestPolicy: 'network-only' });
  const record = result.data === undefined ? undefined : select(result.data);
  return {
    record,
    loading: record === undefined && result.fetching,
    error: result.error ?? null,
  };
}
