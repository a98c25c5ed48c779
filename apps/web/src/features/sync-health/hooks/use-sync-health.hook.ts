import type { CombinedError } from '@urql/core';
import { useEffect } from 'react';
import { useQuery } from 'urql';
import { SyncHealthQuery, type SyncHealth } from '../graphql/sync-health.graphql';

/** How often the dashboard reads the figures again. */
export const REFRESH_MS = 15_000;

export type SyncHealthState = {
  health: SyncHealth | null;
  /** The first load, before any figures. */
  loading: boolean;
  error: CombinedError | null;
};

/** The sync-health figures over the last `windowMinutes`, read again every 15 seconds while the page is visible. */
export function useSyncHealth(windowMinutes: number): SyncHealthState {
  const [result, reexecute] = useQuery({
    query: SyncHealthQuery,
    variables: { windowMinutes },
    requestPolicy: 'cache-and-network',
  });
  useEffect(() => {
    const timer = window.setInterval(() => {
      // A tab in the background does not need fresh figures; it gets them when it is shown again.
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    }, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reexecute]);
  return {
    health: result.data?.syncHealth ?? null,
    loading: result.fetching && result.data === undefined,
    error: result.error ?? null,
  };
}
