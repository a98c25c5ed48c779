import type { BadgeProps } from '@fluentui/react-components';
import type { EmailStatus, TaskStatus } from '../../gql/graphql';

/** Status badge colours; the words are the bundle's `emailStatus.*` and `taskStatus.*` (timeline.strings.ts). */
export const EMAIL_STATUS_COLORS: Record<EmailStatus, NonNullable<BadgeProps['color']>> = {
  DRAFT: 'informative',
  PENDING_SEND: 'warning',
  SENDING: 'brand',
  SENT: 'success',
  FAILED: 'danger',
  RECEIVED: 'success',
  CANCELED: 'subtle',
};

/** Where a record of each kind the API names lives in the app. */
export const RECORD_PATHS: Partial<Record<string, string>> = {
  OPPORTUNITY: '/opportunities',
  ACCOUNT: '/accounts',
  CONTACT: '/contacts',
};

export const TASK_STATUS_COLORS: Record<TaskStatus, NonNullable<BadgeProps['color']>> = {
  NOT_STARTED: 'informative',
  IN_PROGRESS: 'brand',
  WAITING_ON_OTHERS: 'warning',
  DEFERRED: 'subtle',
  COMPLETED: 'success',
};
