import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { TestRunStatus } from '../../../gql/graphql';
import { TEST_RUN_STATUSES } from '../mailbox.labels';

/** The list's filters live in the URL (`?q=…&status=…`), so a filtered view can be shared and reloaded. */
export function useMailboxFilter() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const testRunStatus = TEST_RUN_STATUSES.find((status) => status === params.get('status')) ?? null;

  const setParam = useCallback(
    (name: 'q' | 'status', value: string) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value === '') next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return {
    search,
    testRunStatus,
    setSearch: useCallback((value: string) => setParam('q', value), [setParam]),
    setTestRunStatus: useCallback((value: TestRunStatus | null) => setParam('status', value ?? ''), [setParam]),
    clear: useCallback(() => setParams({}, { replace: true }), [setParams]),
  };
}
