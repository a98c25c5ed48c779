import type { BadgeProps } from '@fluentui/react-components';
import type { EmailDirection, EmailStatus, TaskStatus } from '../../gql/graphql';

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  DRAFT: 'Draft',
  PENDING_SEND: 'Pending send',
  SENDING: 'Sending',
  SENT: 'Sent',
  FAILED: 'Failed',
  RECEIVED: 'Received',
  CANCELED: 'Canceled',
};

export const EMAIL_STATUS_COLORS: Record<EmailStatus, NonNullable<BadgeProps['color']>> = {
  DRAFT: 'informative',
  PENDING_SEND: 'warning',
  SENDING: 'brand',
  SENT: 'success',
  FAILED: 'danger',
  RECEIVED: 'success',
  CANCELED: 'subtle',
};

export const DIRECTION_LABELS: Record<EmailDirection, string> = {
  INCOMING: 'Incoming',
  OUTGOING: 'Outgoing',
};

/** Where a record of each kind the API names lives in the app. */
export const RECORD_PATHS: Partial<Record<string, string>> = {
  OPPORTUNITY: '/opportunities',
  ACCOUNT: '/accounts',
  CONTACT: '/contacts',
};

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  WAITING_ON_OTHERS: 'Waiting on others',
  DEFERRED: 'Deferred',
  COMPLETED: 'Completed',
};

export const TASK_STATUS_COLORS: Record<TaskStatus, NonNullable<BadgeProps['color']>> = {
  NOT_STARTED: 'informative',
  IN_PROGRESS: 'brand',
  WAITING_ON_OTHERS: 'warning',
  DEFERRED: 'subtle',
  COMPLETED: 'success',
};
