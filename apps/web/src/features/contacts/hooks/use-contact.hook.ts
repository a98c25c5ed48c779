import type { DocumentType } from '../../../gql';
import { useRecordInConnection, type RecordInConnectionState } from '../../../shared/use-record-in-connection.hook';
import { ContactsQuery, type ContactRecord } from '../graphql/contacts.graphql';

const select = (data: DocumentType<typeof ContactsQuery>) => data.contacts;

/** One contact the signed-in user may see, with their account. */
export function useContact(id: string): RecordInConnectionState<ContactRecord> {
  return useRecordInConnection(ContactsQuery, select, id);
}
