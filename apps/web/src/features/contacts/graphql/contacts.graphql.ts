import { graphql, type DocumentType } from '../../../gql';

export const ContactRecordFragment = graphql(`
  fragment ContactRecord on Contact {
    id
    firstName
    lastName
    jobTitle
    emailAddress
    businessPhone
    mobilePhone
    companyName
    account {
      id
      name
    }
    createdAt
  }
`);

export const ContactQuery = graphql(`
  query Contact($id: ID!) {
    contact(id: $id) {
      ...ContactRecord
    }
  }
`);

export type ContactRecord = DocumentType<typeof ContactRecordFragment>;
