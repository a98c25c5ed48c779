import { graphql, type DocumentType } from '../../../gql';

export const AccountRecordFragment = graphql(`
  fragment AccountRecord on Account {
    id
    name
    emailAddress
    createdAt
  }
`);

export const AccountQuery = graphql(`
  query Account($id: ID!) {
    account(id: $id) {
      ...AccountRecord
    }
  }
`);

export type AccountRecord = DocumentType<typeof AccountRecordFragment>;
