import { useMemo, type ReactNode } from 'react';
import { Provider } from 'urql';
import { useSession } from '../features/session/hooks/use-session.hook';
import { endSession } from '../features/session/session.store';
import { createGraphqlClient } from '../shared/graphql-client';

export function GraphqlProvider({ children }: { children: ReactNode }) {
  const token = useSession()?.token ?? null;
  const client = useMemo(
    () =>
      createGraphqlClient({
        token,
        onUnauthenticated: () => {
          if (token !== null) endSession(token);
        },
      }),
    [token],
  );
  return <Provider value={client}>{children}</Provider>;
}
