import {
  Client,
  cacheExchange,
  fetchExchange,
  mapExchange,
  subscriptionExchange,
  type CombinedError,
} from '@urql/core';
import { CloseCode, createClient as createWsClient } from 'graphql-ws';
import { errorCodesOf } from './error-message';

type GraphqlClientOptions = {
  token: string | null;
  /** Called when the API says the token is missing, expired or revoked. */
  onUnauthenticated: () => void;
  /** Called when the websocket is back after it was lost; events sent meanwhile are gone. */
  onReconnected: () => void;
};

// graphql-ws servers close with 4403 when connection_init is refused, which is how a bad token shows.
const AUTH_CLOSE_CODES: readonly number[] = [CloseCode.Unauthorized, CloseCode.Forbidden];

function isCloseEvent(value: unknown): value is CloseEvent {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'number';
}

function isUnauthenticated(error: CombinedError): boolean {
  return error.response?.status === 401 || errorCodesOf(error).includes('UNAUTHENTICATED');
}

/**
 * One client per session: a new token gets a new client, so no cached result or socket outlives
 * the user who fetched it. The websocket is lazy and closes once nothing is subscribed, which is
 * what happens to the old client's subscriptions when the app re-renders with the new one.
 */
export function createGraphqlClient({ token, onUnauthenticated, onReconnected }: GraphqlClientOptions): Client {
  const { protocol, host } = window.location;
  const authorization = token === null ? null : `Bearer ${token}`;

  const ws = createWsClient({
    url: `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`,
    connectionParams: authorization === null ? {} : { authorization },
    shouldRetry: (event) => isCloseEvent(event) && !AUTH_CLOSE_CODES.includes(event.code),
    on: {
      // A retry follows a socket lost while subscriptions were open; graphql-ws subscribes them again.
      // The first connection, and one opened again after the last subscription ended, are no retry.
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) onReconnected();
      },
      closed: (event) => {
        if (isCloseEvent(event) && AUTH_CLOSE_CODES.includes(event.code)) onUnauthenticated();
      },
    },
  });

  return new Client({
    url: '/graphql',
    // The API takes operations by POST; a GET without a JSON content type trips its CSRF guard.
    preferGetMethod: false,
    fetchOptions: () => (authorization === null ? {} : { headers: { authorization } }),
    exchanges: [
      cacheExchange,
      mapExchange({
        onError: (error) => {
          if (isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
      fetchExchange,
    ],
  });
}
