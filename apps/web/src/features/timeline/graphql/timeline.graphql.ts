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
    failureCode
    failureParams
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

export const TimelineTaskFragment = graphql(`
  fragment TimelineTask on Task {
    id
    subject
    occurredAt
    description
    # Aliased: an email's status is another enum, and both share the timeline's selection.
    taskStatus: status
    importance
    dueAt
    completedAt
    regarding {
      id
      type
      name
    }
    syncDecision {
      at
      fields {
        field
        kept
      }
    }
  }
`);

export const TimelineAppointmentFragment = graphql(`
  fragment TimelineAppointment on Appointment {
    id
    subject
    occurredAt
    description
    location
    startAt
    endAt
    isAllDay
    attendees {
      address
      resolvedType
    }
    regarding {
      id
      type
      name
    }
    syncDecision {
      at
      fields {
        field
        kept
      }
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
          __typename
          id
          ...TimelineEmail
          ...TimelineTask
          ...TimelineAppointment
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
        __typename
        id
        ...TimelineEmail
        ...TimelineTask
        ...TimelineAppointment
      }
    }
  }
`);

export const SendEmailMutation = graphql(`
  mutation SendEmail($input: SendEmailInput!) {
    sendEmail(input: $input) {
      __typename
      ...TimelineEmail
    }
  }
`);

export const CreateTaskMutation = graphql(`
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      __typename
      ...TimelineTask
    }
  }
`);

export const UpdateTaskStatusMutation = graphql(`
  mutation UpdateTaskStatus($id: ID!, $status: TaskStatus!) {
    updateTask(id: $id, input: { status: $status }) {
      __typename
      ...TimelineTask
    }
  }
`);

export const CreateAppointmentMutation = graphql(`
  mutation CreateAppointment($input: CreateAppointmentInput!) {
    createAppointment(input: $input) {
      __typename
      ...TimelineAppointment
    }
  }
`);

export type TimelineEmail = DocumentType<typeof TimelineEmailFragment>;
export type TimelineAppointment = DocumentType<typeof TimelineAppointmentFragment>;
export type TimelineTask = DocumentType<typeof TimelineTaskFragment>;
/** What a timeline holds: an email, a task or an appointment, told apart by `__typename`. */
export type TimelineActivity =
  | (TimelineEmail & { __typename: 'Email' })
  | (TimelineTask & { __typename: 'Task' })
  | (TimelineAppointment & { __typename: 'Appointment' });

export type EmailParty = NonNullable<TimelineEmail['from']>;
