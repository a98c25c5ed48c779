import { graphql, type DocumentType } from '../../../gql';

export const NotificationItemFragment = graphql(`
  fragment NotificationItem on Notification {
    id
    kind
    title
    message
    createdAt
    readAt
    data
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int!) {
    notifications(first: $first) {
      unreadCount
      edges {
        node {
          ...NotificationItem
        }
      }
    }
  }
`);

export const NotificationReceivedSubscription = graphql(`
  subscription NotificationReceived {
    notificationReceived {
      ...NotificationItem
    }
  }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

export type NotificationItem = DocumentType<typeof NotificationItemFragment>;

export const NotificationHistoryQuery = graphql(`
  query NotificationHistory($first: Int!, $after: String) {
    notifications(first: $first, after: $after) {
      totalCount
      unreadCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...NotificationItem
        }
      }
    }
  }
`);
