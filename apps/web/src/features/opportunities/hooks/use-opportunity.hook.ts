import type { DocumentType } from '../../../gql';
import { useRecordInConnection, type RecordInConnectionState } from '../../../shared/use-record-in-connection.hook';
import { OpportunitiesQuery, type OpportunityRow } from '../graphql/opportunities.graphql';

const select = (data: DocumentType<typeof OpportunitiesQuery>) => data.opportunities;

/** One opportunity the signed-in user may see, with its account and contacts. */
export function useOpportunity(id: string): RecordInConnectionState<OpportunityRow> {
  return useRecordInConnection(OpportunitiesQuery, select, id);
}
