import type { BadgeProps } from '@fluentui/react-components';
import type {
  AlertSeverity,
  ApprovalStatus,
  IncomingFilter,
  ProcessingState,
  SyncMethod,
  TestRunStatus,
  TestStatus,
} from '../../gql/graphql';

export const APPROVAL_LABELS: Record<ApprovalStatus, string> = {
  NOT_APPROVED: 'Not approved',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
};

export const TEST_STATUS_LABELS: Record<TestStatus, string> = {
  NOT_RUN: 'Not run',
  SCHEDULED: 'Scheduled',
  SUCCESS: 'Success',
  FAILURE: 'Failure',
};

export const TEST_STATUS_COLORS: Record<TestStatus, NonNullable<BadgeProps['color']>> = {
  NOT_RUN: 'informative',
  SCHEDULED: 'brand',
  SUCCESS: 'success',
  FAILURE: 'danger',
};

export const PROCESSING_LABELS: Record<ProcessingState, string> = {
  ACTIVE: 'Active',
  DISABLED: 'Disabled',
};

/** Which incoming email becomes CRM email, in the order the setting offers them. */
export const INCOMING_FILTER_LABELS: Record<IncomingFilter, string> = {
  ALL_EMAIL: 'All email messages',
  RESPONSES_TO_CRM_EMAIL: 'Email messages in response to CRM email',
  FROM_CRM_LEADS_CONTACTS_ACCOUNTS: 'Email messages from CRM leads, contacts and accounts',
  FROM_EMAIL_ENABLED_RECORDS: 'Email messages from CRM records that are email enabled',
  NONE: 'None',
};

/** In the order the filter offers them. */
export const TEST_RUN_STATUSES: readonly TestRunStatus[] = ['NOT_RUN', 'SUCCESS', 'FAILURE'];

export const SYNC_METHOD_LABELS: Record<SyncMethod, string> = {
  SERVER_SIDE_SYNC: 'Server-side synchronisation',
  NONE: 'None',
};

export const ALERT_SEVERITY_LABELS: Record<AlertSeverity, string> = {
  ERROR: 'Error',
  WARNING: 'Warning',
  INFORMATION: 'Information',
};

export const ALERT_SEVERITY_COLORS: Record<AlertSeverity, NonNullable<BadgeProps['color']>> = {
  ERROR: 'danger',
  WARNING: 'warning',
  INFORMATION: 'informative',
};
