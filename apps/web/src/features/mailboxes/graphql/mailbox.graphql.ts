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
      params
      count
      firstOccurredAt
      lastOccurredAt
    }
  }
`);

/** Only the record page reads the history; mutations on the mailbox return the record without it. */
export const MailboxSyncHistoryFragment = graphql(`
  fragment MailboxSyncHistory on Mailbox {
    syncHistory(first: 20) {
      id
      startedAt
      finishedAt
      outcome
      messagesStored
      copiesAttached
      foldersResynced
      failureMessage
      failureCode
      failureParams
    }
  }
`);

export const MailboxQuery = graphql(`
  query Mailbox($id: ID!) {
    mailbox(id: $id) {
      ...MailboxRecord
      ...MailboxSyncHistory
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

export type MailboxSyncRun = DocumentType<typeof MailboxSyncHistoryFragment>['syncHistory'][number];

/** The record page's mailbox: the record and its sync history. */
export type MailboxPageRecord = MailboxRecord & DocumentType<typeof MailboxSyncHistoryFragment>;
