import { useMemo } from 'react';
import type { DocumentType } from '../../../gql';
import { useConnectionPages, type ConnectionPagesState } from '../../../shared/use-connection-pages.hook';
import { OpportunitiesQuery, type OpportunityRow } from '../graphql/opportunities.graphql';

const PAGE_SIZE = 50;

const select = (data: DocumentType<typeof OpportunitiesQuery>) => data.opportunities;

export type OpportunitiesState = Omit<ConnectionPagesState<OpportunityRow>, 'refresh'>;

/** The opportunities the signed-in user may see (their own and their team's), page by page. */
export function useOpportunities(): OpportunitiesState {
  const variables = useMemo(() => ({ first: PAGE_SIZE }), []);
  return useConnectionPages(OpportunitiesQuery, variables, select);
}
