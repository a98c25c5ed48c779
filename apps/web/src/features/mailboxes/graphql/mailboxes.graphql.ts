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

export type MailboxRow = DocumentType<typeof MailboxRowFragment>;
