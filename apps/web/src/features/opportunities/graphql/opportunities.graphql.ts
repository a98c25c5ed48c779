import { graphql, type DocumentType } from '../../../gql';

export const OpportunityRowFragment = graphql(`
  fragment OpportunityRow on Opportunity {
    id
    name
    estimatedValue
    account {
      id
      name
    }
    contacts {
      id
      firstName
      lastName
      emailAddress
    }
    owner {
      id
      displayName
    }
    createdAt
  }
`);

export const OpportunitiesQuery = graphql(`
  query Opportunities($first: Int!, $after: String) {
    opportunities(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...OpportunityRow
        }
      }
    }
  }
`);

export const OpportunityQuery = graphql(`
  query Opportunity($id: ID!) {
    opportunity(id: $id) {
      ...OpportunityRow
    }
  }
`);

export type OpportunityRow = DocumentType<typeof OpportunityRowFragment>;
