import type { DocumentType } from '../../../gql';
import { useRecordQuery, type RecordState } from '../../../shared/use-record-query.hook';
import { OpportunityQuery, type OpportunityRow } from '../graphql/opportunities.graphql';

const select = (data: DocumentType<typeof OpportunityQuery>) => data.opportunity;

/** One opportunity the signed-in user may see, with its account and contacts. */
export function useOpportunity(id: string): RecordState<OpportunityRow> {
  return useRecordQuery(OpportunityQuery, select, id);
}
