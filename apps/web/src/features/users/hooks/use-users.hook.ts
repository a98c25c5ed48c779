import type { CombinedError } from '@urql/core';
import { useCallback, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import type { DocumentType } from '../../../gql';
import { UsersQuery, type UserRow } from '../graphql/users.graphql';

const PAGE_SIZE = 50;

type Connection = DocumentType<typeof UsersQuery>['users'];
type Variables = { search: string | null; first: number };

/**
 * Pages loaded with "Load more" for one search. They outlive the first page's automatic refetch
 * after an edit, so editing a user further down does not collapse the list.
 */
type MorePages = {
  variables: Variables;
  rows: UserRow[];
  pageInfo: Connection['pageInfo'];
  loading: boolean;
  error: CombinedError | null;
};

export type UsersState = {
  rows: UserRow[];
  totalCount: number | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: CombinedError | null;
  loadMore: () => void;
  /** Loads the list again from its first page (after a directory import). */
  refresh: () => void;
  /** Shows a user as an edit returned them, on whichever page they are. */
  showSaved: (user: UserRow) => void;
};

/** The organisation's users matching `search`, by name, page by page. */
export function useUsers(search: string): UsersState {
  const client = useClient();
  const variables = useMemo<Variables>(() => ({ search: search === '' ? null : search, first: PAGE_SIZE }), [search]);
  const [result, reexecute] = useQuery({ query: UsersQuery, variables, requestPolicy: 'cache-and-network' });
  const [more, setMore] = useState<MorePages | null>(null);
  const [saved, setSaved] = useState<ReadonlyMap<string, UserRow>>(() => new Map());

  const base = result.data?.users;
  const extra = more !== null && more.variables === variables ? more : null;
  const pageInfo = extra?.pageInfo ?? base?.pageInfo;

  const rows = useMemo(() => {
    const seen = new Set<string>();
    const list: UserRow[] = [];
    for (const row of [...(base?.edges.map((edge) => edge.node) ?? []), ...(extra?.rows ?? [])]) {
      // Rows can shift between pages when users are added or renamed.
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      list.push(saved.get(row.id) ?? row);
    }
    return list;
  }, [base, extra, saved]);

  const refresh = useCallback(() => {
    setMore(null);
    setSaved(new Map());
    reexecute({ requestPolicy: 'network-only' });
  }, [reexecute]);

  const showSaved = useCallback((user: UserRow) => setSaved((previous) => new Map(previous).set(user.id, user)), []);

  const loadMore = useCallback(() => {
    if (pageInfo === undefined || !pageInfo.hasNextPage || extra?.loading) return;
    const loaded = extra?.rows ?? [];
    setMore({ variables, rows: loaded, pageInfo, loading: true, error: null });
    void client
      .query(UsersQuery, { ...variables, after: pageInfo.endCursor }, { requestPolicy: 'network-only' })
      .toPromise()
      .then(({ data, error }) =>
        setMore((current) => {
          if (current === null || current.variables !== variables) return current;
          if (data === undefined) return { ...current, loading: false, error: error ?? null };
          return {
            variables,
            rows: [...loaded, ...data.users.edges.map((edge) => edge.node)],
            pageInfo: data.users.pageInfo,
            loading: false,
            error: null,
          };
        }),
      );
  }, [client, extra, pageInfo, variables]);

  return {
    rows,
    totalCount: base?.totalCount ?? null,
    hasNextPage: pageInfo?.hasNextPage ?? false,
    loading: base === undefined && result.fetching,
    loadingMore: extra?.loading ?? false,
    error: result.error ?? extra?.error ?? null,
    loadMore,
    refresh,
    showSaved,
  };
}
