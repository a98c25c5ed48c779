import type { BadgeProps } from '@fluentui/react-components';
import type { AlertSeverity, IncomingFilter, TestRunStatus, TestStatus } from '../../gql/graphql';

// Labels are in mailboxes.strings.ts under `approval.*`, `testStatus.*`, `processing.*`,
// `incomingFilter.*`, `syncMethod.*` and `alertSeverity.*`, keyed by the API's values.

export const TEST_STATUS_COLORS: Record<TestStatus, NonNullable<BadgeProps['color']>> = {
  NOT_RUN: 'informative',
  SCHEDULED: 'brand',
  SUCCESS: 'success',
  FAILURE: 'danger',
};

/** Which incoming email becomes CRM email, in the order the setting offers them. */
export const INCOMING_FILTERS: readonly IncomingFilter[] = [
  'ALL_EMAIL',
  'RESPONSES_TO_CRM_EMAIL',
  'FROM_CRM_LEADS_CONTACTS_ACCOUNTS',
  'FROM_EMAIL_ENABLED_RECORDS',
  'NONE',
];

/** In the order the filter offers them. */
export const TEST_RUN_STATUSES: readonly TestRunStatus[] = ['NOT_RUN', 'SUCCESS', 'FAILURE'];

export const ALERT_SEVERITY_COLORS: Record<AlertSeverity, NonNullable<BadgeProps['color']>> = {
  ERROR: 'danger',
  WARNING: 'warning',
  INFORMATION: 'informative',
};
