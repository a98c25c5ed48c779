import type { DocumentType } from '../../../gql';
import { useRecordQuery, type RecordState } from '../../../shared/use-record-query.hook';
import { ContactQuery, type ContactRecord } from '../graphql/contacts.graphql';

const select = (data: DocumentType<typeof ContactQuery>) => data.contact;

/** One contact the signed-in user may see, with their account. */
export function useContact(id: string): RecordState<ContactRecord> {
  return useRecordQuery(ContactQuery, select, id);
}
