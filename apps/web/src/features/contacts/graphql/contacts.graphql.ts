import { graphql, type DocumentType } from '../../../gql';

export const ContactRecordFragment = graphql(`
  fragment ContactRecord on Contact {
    id
    firstName
    lastName
    jobTitle
    emailAddress
    account {
      id
      name
    }
    createdAt
  }
`);

export const ContactsQuery = graphql(`
  query Contacts($first: Int!, $after: String) {
    contacts(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ContactRecord
        }
      }
    }
  }
`);

export type ContactRecord = DocumentType<typeof ContactRecordFragment>;
