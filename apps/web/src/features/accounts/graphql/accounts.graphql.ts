import { graphql, type DocumentType } from '../../../gql';

export const AccountRecordFragment = graphql(`
  fragment AccountRecord on Account {
    id
    name
    emailAddress
    createdAt
  }
`);

export const AccountsQuery = graphql(`
  query Accounts($first: Int!, $after: String) {
    accounts(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AccountRecord
        }
      }
    }
  }
`);

export type AccountRecord = DocumentType<typeof AccountRecordFragment>;
