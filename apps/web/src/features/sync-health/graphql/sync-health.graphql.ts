import { graphql, type DocumentType } from '../../../gql';

export const SyncHealthQuery = graphql(`
  query SyncHealth($windowMinutes: Int!) {
    syncHealth(windowMinutes: $windowMinutes) {
      windowMinutes
      minutes {
        at
        emailsSynced
        failures
        throttled
      }
      queues {
        queue
        waiting
        active
        delayed
        failed
      }
      slowestMailboxes {
        id
        emailAddress
        lastSyncAt
        lagSeconds
        consecutiveFailures
      }
    }
  }
`);

export type SyncHealth = DocumentType<typeof SyncHealthQuery>['syncHealth'];
export type SyncHealthMinute = SyncHealth['minutes'][number];
export type QueueDepth = SyncHealth['queues'][number];
export type LaggingMailbox = SyncHealth['slowestMailboxes'][number];
