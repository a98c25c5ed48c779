import { graphql, type DocumentType } from '../../../gql';

export const TimelineEmailFragment = graphql(`
  fragment TimelineEmail on Email {
    id
    subject
    occurredAt
    conversationId
    direction
    status
    failureReason
    bodyHtml
    regarding {
      id
      type
      name
    }
    from {
      address
      name
    }
    to {
      address
      name
    }
    cc {
      address
      name
    }
    copies {
      emailAddress
    }
  }
`);

export const TimelineQuery = graphql(`
  query Timeline($regardingId: ID!, $first: Int!, $after: String) {
    timeline(regardingId: $regardingId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...TimelineEmail
        }
      }
    }
  }
`);

export const TimelineChangedSubscription = graphql(`
  subscription TimelineChanged($regardingId: ID!) {
    timelineChanged(regardingId: $regardingId) {
      change
      activityId
      activity {
        id
        ...TimelineEmail
      }
    }
  }
`);

export const SendEmailMutation = graphql(`
  mutation SendEmail($input: SendEmailInput!) {
    sendEmail(input: $input) {
      ...TimelineEmail
    }
  }
`);

export type TimelineEmail = DocumentType<typeof TimelineEmailFragment>;

export type EmailParty = NonNullable<TimelineEmail['from']>;
