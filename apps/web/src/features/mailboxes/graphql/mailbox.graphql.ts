import { graphql, type DocumentType } from '../../../gql';

export const MailboxRecordFragment = graphql(`
  fragment MailboxRecord on Mailbox {
    id
    emailAddress
    queueName
    owner {
      id
      displayName
      primaryEmail
    }
    approvalStatus
    incomingMethod
    incomingStatus
    enabledForIncoming
    outgoingMethod
    outgoingStatus
    enabledForOutgoing
    actMethod
    actStatus
    enabledForAct
    testRunStatus
    processingState
    consecutiveFailures
    lastSyncAt
    incomingFilter
    folderTrackingEnabled
    alerts {
      id
      severity
      code
      message
      count
      firstOccurredAt
      lastOccurredAt
    }
  }
`);

export const MailboxQuery = graphql(`
  query Mailbox($id: ID!) {
    mailbox(id: $id) {
      ...MailboxRecord
    }
  }
`);

export const MailboxChangedSubscription = graphql(`
  subscription MailboxChanged {
    mailboxStatusChanged {
      id
    }
  }
`);

export const DismissMailboxAlertMutation = graphql(`
  mutation DismissMailboxAlert($alertId: ID!) {
    dismissMailboxAlert(alertId: $alertId) {
      ...MailboxRecord
    }
  }
`);

export const UpdateMailboxMutation = graphql(`
  mutation UpdateMailbox($id: ID!, $input: UpdateMailboxInput!) {
    updateMailbox(id: $id, input: $input) {
      ...MailboxRecord
    }
  }
`);

export type MailboxRecord = DocumentType<typeof MailboxRecordFragment>;

export type MailboxAlert = MailboxRecord['alerts'][number];
