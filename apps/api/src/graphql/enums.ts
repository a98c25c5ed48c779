import {
  ALERT_SEVERITIES,
  APPROVAL_STATUSES,
  JOB_KINDS,
  JOB_STATUSES,
  PROCESSING_STATES,
  SALES_LICENSES,
  SECURITY_ROLES,
  SYNC_METHODS,
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
