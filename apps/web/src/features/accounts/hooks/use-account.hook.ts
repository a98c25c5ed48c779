import type { DocumentType } from '../../../gql';
import { useRecordQuery, type RecordState } from '../../../shared/use-record-query.hook';
import { AccountQuery, type AccountRecord } from '../graphql/accounts.graphql';

const select = (data: DocumentType<typeof AccountQuery>) => data.account;

/** One account the signed-in user may see. */
export function useAccount(id: string): RecordState<AccountRecord> {
  return useRecordQuery(AccountQuery, select, id);
}
