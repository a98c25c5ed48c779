import type { CombinedError } from '@urql/core';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { ApiKeysQuery, type ApiKeyRow } from '../graphql/api-keys.graphql';

/**
 * Creating or revoking a key returns no list (revoking, only a Boolean): mutations name this type
 * so urql refetches the list, which an empty list's result would otherwise not tie to ApiKey.
 */
export const API_KEY_TYPENAMES = { additionalTypenames: ['ApiKey'] };

export type ApiKeysState = {
  /** Newest first, revoked ones included. */
  keys: ApiKeyRow[] | null;
  loading: boolean;
  error: CombinedError | null;
};

/** The signed-in user's API keys. */
export function useApiKeys(): ApiKeysState {
  const context = useMemo(() => API_KEY_TYPENAMES, []);
  const [result] = useQuery({ query: ApiKeysQuery, context, requestPolicy: 'cache-and-network' });
  return {
    keys: result.data?.apiKeys ?? null,
    loading: result.data === undefined && result.fetching,
    error: result.error ?? null,
  };
}
