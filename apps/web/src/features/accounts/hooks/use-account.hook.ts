import type { DocumentType } from '../../../gql';
import { useRecordInConnection, type RecordInConnectionState } from '../../../shared/use-record-in-connection.hook';
import { AccountsQuery, type AccountRecord } from '../graphql/accounts.graphql';

const select = (data: DocumentType<typeof AccountsQuery>) => data.accounts;

/** One account the signed-in user may see. */
export function useAccount(id: string): RecordInConnectionState<AccountRecord> {
  return useRecordInConnection(AccountsQuery, select, id);
}
