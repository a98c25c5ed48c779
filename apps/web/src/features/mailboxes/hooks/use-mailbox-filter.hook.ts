import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { TestRunStatus } from '../../../gql/graphql';
import { TEST_RUN_STATUSES } from '../mailbox.labels';

/** How long typing pauses before the search goes to the URL (and so to the query). */
const SEARCH_DELAY_MS = 300;

/** Marks the history entry a search is being typed into, so the next pause replaces it. */
type FilterHistoryState = { typingSearch?: true } | null;

/**
 * The list's filters live in the URL (`?q=…&status=…`), so a filtered view can be shared and
 * reloaded, and Back returns to the filters before: each status change or clear is a history entry,
 * and so is a search, however many pauses it was typed with.
 *
 * The search box shows `search`, kept here as typed: the router applies URL changes in a transition,
 * which a controlled input cannot follow without losing keystrokes. The list filters by
 * `appliedSearch`, the URL's.
 */
export function useMailboxFilter() {
  const [params, setParams] = useSearchParams();
  const typingSearch = (useLocation().state as FilterHistoryState)?.typingSearch === true;
  const appliedSearch = params.get('q') ?? '';
  const testRunStatus = TEST_RUN_STATUSES.find((status) => status === params.get('status')) ?? null;

  const [search, setSearchText] = useState(appliedSearch);
  // The URL's search as last rendered, and as this hook last wrote it.
  const [seen, setSeen] = useState(appliedSearch);
  const [written, setWritten] = useState(appliedSearch);
  if (appliedSearch !== seen) {
    setSeen(appliedSearch);
    // Not this hook's own write arriving: Back, Forward, a link or Clear filters moved the URL.
    if (appliedSearch !== written) {
      setWritten(appliedSearch);
      setSearchText(appliedSearch);
    }
  }

  const setParam = useCallback(
    (name: 'q' | 'status', value: string) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value === '') next.delete(name);
          else next.set(name, value);
          return next;
        },
        name === 'q' ? { replace: typingSearch, state: { typingSearch: true } } : {},
      ),
    [setParams, typingSearch],
  );

  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const setSearch = useCallback(
    (value: string) => {
      setSearchText(value);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        setWritten(value);
        setParam('q', value);
      }, SEARCH_DELAY_MS);
    },
    [setParam],
  );

  return {
    search,
    appliedSearch,
    testRunStatus,
    setSearch,
    setTestRunStatus: useCallback((value: TestRunStatus | null) => setParam('status', value ?? ''), [setParam]),
    clear: useCallback(() => {
      window.clearTimeout(timer.current);
      setParams({});
    }, [setParams]),
  };
}
