import { graphql, type DocumentType } from '../../../gql';

export const UserRowFragment = graphql(`
  fragment UserRow on User {
    id
    displayName
    primaryEmail
    userPrincipalName
    exchangeLicenseValid
    salesLicense
    roles
    disabled
  }
`);

export const UsersQuery = graphql(`
  query Users($search: String, $first: Int!, $after: String) {
    users(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...UserRow
        }
      }
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      ...UserRow
    }
  }
`);

export const ImportDirectoryMutation = graphql(`
  mutation ImportDirectory {
    importDirectory {
      ...JobSummary
    }
  }
`);

export const DirectoryImportReportQuery = graphql(`
  query DirectoryImportReport($id: ID!) {
    job(id: $id) {
      id
      report
    }
  }
`);

export type UserRow = DocumentType<typeof UserRowFragment>;
