import {
  ALERT_SEVERITIES,
  APPROVAL_STATUSES,
  EMAIL_DIRECTIONS,
  EMAIL_STATUSES,
  INCOMING_FILTERS,
  PARTY_ROLES,
  PARTY_TYPES,
  REGARDING_TYPES,
  TRACKING_SOURCES,
  JOB_KINDS,
  JOB_STATUSES,
  PROCESSING_STATES,
  SALES_LICENSES,
  SECURITY_ROLES,
  SYNC_METHODS,
  SYNC_RUN_OUTCOMES,
  SYNC_SIDES,
  TASK_IMPORTANCES,
  TASK_STATUSES,
  TEST_RUN_STATUSES,
  TEST_STATUSES,
} from '@mailroom/domain';
import { registerEnumType } from 'type-graphql';

/** type-graphql wants an enum-like object; the domain keeps its value sets as const arrays. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const ApprovalStatusEnum = enumOf(APPROVAL_STATUSES);
export const TestStatusEnum = enumOf(TEST_STATUSES);
export const TestRunStatusEnum = enumOf(TEST_RUN_STATUSES);
export const SyncMethodEnum = enumOf(SYNC_METHODS);
export const ProcessingStateEnum = enumOf(PROCESSING_STATES);
export const SalesLicenseEnum = enumOf(SALES_LICENSES);
export const SecurityRoleNameEnum = enumOf(SECURITY_ROLES);
export const JobStatusEnum = enumOf(JOB_STATUSES);
export const JobKindEnum = enumOf(JOB_KINDS);
export const AlertSeverityEnum = enumOf(ALERT_SEVERITIES);

registerEnumType(ApprovalStatusEnum, { name: 'ApprovalStatus' });
registerEnumType(TestStatusEnum, { name: 'TestStatus', description: 'Status of one channel test' });
registerEnumType(TestRunStatusEnum, { name: 'TestRunStatus', description: "A mailbox's overall test run status" });
registerEnumType(SyncMethodEnum, { name: 'SyncMethod' });
registerEnumType(ProcessingStateEnum, { name: 'ProcessingState' });
registerEnumType(SalesLicenseEnum, { name: 'SalesLicense' });
registerEnumType(SecurityRoleNameEnum, { name: 'SecurityRoleName' });
registerEnumType(JobStatusEnum, { name: 'JobStatus' });
registerEnumType(JobKindEnum, { name: 'JobKind' });
registerEnumType(AlertSeverityEnum, { name: 'AlertSeverity' });
export const SyncRunOutcomeEnum = enumOf(SYNC_RUN_OUTCOMES);
registerEnumType(SyncRunOutcomeEnum, { name: 'SyncRunOutcome', description: 'How a recorded mailbox sync run ended' });

export const EmailDirectionEnum = enumOf(EMAIL_DIRECTIONS);
export const EmailStatusEnum = enumOf(EMAIL_STATUSES);
export const RegardingTypeEnum = enumOf(REGARDING_TYPES);
export const PartyTypeEnum = enumOf(PARTY_TYPES);
export const PartyRoleEnum = enumOf(PARTY_ROLES);
export const TrackingSourceEnum = enumOf(TRACKING_SOURCES);
registerEnumType(EmailDirectionEnum, { name: 'EmailDirection' });
registerEnumType(EmailStatusEnum, {
  name: 'EmailStatus',
  description: 'DRAFT, PENDING_SEND (queued), SENDING, SENT, FAILED (see failureReason), RECEIVED, CANCELED',
});
registerEnumType(RegardingTypeEnum, {
  name: 'RegardingType',
  description: 'The kinds of record an activity can be regarding',
});
registerEnumType(PartyTypeEnum, { name: 'PartyType', description: 'What an email address resolved to' });
registerEnumType(PartyRoleEnum, { name: 'PartyRole' });
registerEnumType(TrackingSourceEnum, {
  name: 'TrackingSource',
  description:
    'Why an email is in the CRM: sent from it, a folder rule, the category, tracked by hand, or the incoming filter',
});

export const IncomingFilterEnum = enumOf(INCOMING_FILTERS);
registerEnumType(IncomingFilterEnum, {
  name: 'IncomingFilter',
  description:
    'ALL_EMAIL, RESPONSES_TO_CRM_EMAIL (default), FROM_CRM_LEADS_CONTACTS_ACCOUNTS, FROM_EMAIL_ENABLED_RECORDS, NONE',
});

export const TaskStatusEnum = enumOf(TASK_STATUSES);
export const TaskImportanceEnum = enumOf(TASK_IMPORTANCES);
export const SyncSideEnum = enumOf(SYNC_SIDES);
registerEnumType(TaskStatusEnum, {
  name: 'TaskStatus',
  description: 'NOT_STARTED, IN_PROGRESS, WAITING_ON_OTHERS, DEFERRED, COMPLETED (as in Microsoft To Do)',
});
registerEnumType(TaskImportanceEnum, { name: 'TaskImportance' });
registerEnumType(SyncSideEnum, { name: 'SyncSide', description: 'The CRM or Exchange side of a synced item' });
