import { graphql, type DocumentType } from '../../../gql';

export const MailboxRowFragment = graphql(`
  fragment MailboxRow on Mailbox {
    id
    emailAddress
    owner {
      id
      displayName
    }
    approvalStatus
    incomingStatus
    outgoingStatus
    actStatus
    testRunStatus
    processingState
    lastSyncAt
  }
`);

export const MailboxesQuery = graphql(`
  query Mailboxes($first: Int!, $after: String, $filter: MailboxFilter) {
    mailboxes(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...MailboxRow
        }
      }
    }
  }
`);

export const MailboxStatusChangedSubscription = graphql(`
  subscription MailboxStatusChanged {
    mailboxStatusChanged {
      ...MailboxRow
    }
  }
`);

export const ApproveAndTestMailboxesMutation = graphql(`
  mutation ApproveAndTestMailboxes($mailboxIds: [ID!]!) {
    approveAndTestMailboxes(mailboxIds: $mailboxIds) {
      ...JobSummary
    }
  }
`);

export const TestAndEnableMailboxesMutation = graphql(`
  mutation TestAndEnableMailboxes($mailboxIds: [ID!]!) {
    testAndEnableMailboxes(mailboxIds: $mailboxIds) {
      ...JobSummary
    }
  }
`);

export type MailboxRow = DocumentType<typeof MailboxRowFragment>;
