import { useQuery } from 'urql';
import type { DocumentType } from '../../../gql';
import { MeQuery } from '../graphql/me.graphql';

export type Me = DocumentType<typeof MeQuery>['me'];

/**
 * The signed-in user as the API knows them. Every screen that asks shares one request. Role checks
 * here only decide what to offer; the API enforces them.
 */
export function useMe(): { me: Me | null; isAdministrator: boolean } {
  const [{ data }] = useQuery({ query: MeQuery });
  const me = data?.me ?? null;
  return { me, isAdministrator: me?.roles.includes('SYSTEM_ADMINISTRATOR') ?? false };
}
