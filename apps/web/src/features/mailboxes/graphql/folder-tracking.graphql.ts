import { graphql, type DocumentType } from '../../../gql';

export const FolderTrackingQuery = graphql(`
  query FolderTracking($mailboxId: ID!) {
    folderTrackingRules(mailboxId: $mailboxId) {
      id
      folderId
      folderPath
      regardingType
      regarding {
        name
        type
      }
    }
  }
`);

export const MailFoldersQuery = graphql(`
  query MailFolders($mailboxId: ID!) {
    mailFolders(mailboxId: $mailboxId) {
      id
      path
    }
  }
`);

/** What a rule can be regarding; the API has no search, so the newest of each kind. */
export const FolderRuleRecordsQuery = graphql(`
  query FolderRuleRecords($first: Int!) {
    opportunities(first: $first) {
      edges {
        node {
          id
          name
        }
      }
    }
    accounts(first: $first) {
      edges {
        node {
          id
          name
        }
      }
    }
    contacts(first: $first) {
      edges {
        node {
          id
          firstName
          lastName
        }
      }
    }
  }
`);

export const SetFolderTrackingMutation = graphql(`
  mutation SetFolderTracking($mailboxId: ID!, $enabled: Boolean!) {
    setFolderTracking(mailboxId: $mailboxId, enabled: $enabled) {
      ...MailboxRecord
    }
  }
`);

export const CreateFolderTrackingRuleMutation = graphql(`
  mutation CreateFolderTrackingRule($mailboxId: ID!, $folderId: String!, $regardingId: ID) {
    createFolderTrackingRule(mailboxId: $mailboxId, folderId: $folderId, regardingId: $regardingId) {
      id
    }
  }
`);

export const DeleteFolderTrackingRuleMutation = graphql(`
  mutation DeleteFolderTrackingRule($id: ID!) {
    deleteFolderTrackingRule(id: $id)
  }
`);

export type FolderTrackingRule = DocumentType<typeof FolderTrackingQuery>['folderTrackingRules'][number];
export type MailFolder = DocumentType<typeof MailFoldersQuery>['mailFolders'][number];
export type FolderRuleRecords = DocumentType<typeof FolderRuleRecordsQuery>;
