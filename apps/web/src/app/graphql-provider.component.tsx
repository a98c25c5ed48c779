import { useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { useSession } from '../features/session/hooks/use-session.hook';
import { endSession } from '../features/session/session.store';
import { createGraphqlClient } from '../shared/graphql-client';
import { ReconnectsContext } from '../shared/use-reconnects.hook';

export function GraphqlProvider({ children }: { children: ReactNode }) {
  const token = useSession()?.token ?? null;
  const [reconnects, setReconnects] = useState(0);
  const client = useMemo(
    () =>
      createGraphqlClient({
        token,
        onUnauthenticated: () => {
          if (token !== null) endSession(token);
        },
        onReconnected: () => setReconnects((count) => count + 1),
      }),
    [token],
  );
  return (
    <Provider value={client}>
      <ReconnectsContext value={reconnects}>{children}</ReconnectsContext>
    </Provider>
  );
}
