/** Closed value sets of the domain. Stored as varchar (with CHECK constraints) and exposed as GraphQL enums. */

export const SECURITY_ROLES = [
  'SYSTEM_ADMINISTRATOR',
  'SALES_MANAGER',
  'SALESPERSON',
  'SALES_PROFESSIONAL_MANAGER',
  'SALES_PROFESSIONAL',
] as const;
export type SecurityRoleName = (typeof SECURITY_ROLES)[number];

export const ROLE_DISPLAY_NAMES: Record<SecurityRoleName, string> = {
  SYSTEM_ADMINISTRATOR: 'System Administrator',
  SALES_MANAGER: 'Sales Manager',
  SALESPERSON: 'Salesperson',
  SALES_PROFESSIONAL_MANAGER: 'Sales Professional Manager',
  SALES_PROFESSIONAL: 'Sales Professional',
};

export const SALES_LICENSES = ['SALES_PREMIUM', 'SALES_ENTERPRISE', 'SALES_PROFESSIONAL', 'NONE'] as const;
export type SalesLicense = (typeof SALES_LICENSES)[number];

export const APPROVAL_STATUSES = ['NOT_APPROVED', 'APPROVED', 'REJECTED'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** Status of one channel's test (incoming, outgoing, appointments-contacts-tasks). */
export const TEST_STATUSES = ['NOT_RUN', 'SCHEDULED', 'SUCCESS', 'FAILURE'] as const;
export type TestStatus = (typeof TEST_STATUSES)[number];

/** The mailbox's overall "Test run status" column. */
export const TEST_RUN_STATUSES = ['NOT_RUN', 'SUCCESS', 'FAILURE'] as const;
export type TestRunStatus = (typeof TEST_RUN_STATUSES)[number];

export const SYNC_METHODS = ['NONE', 'SERVER_SIDE_SYNC'] as const;
export type SyncMethod = (typeof SYNC_METHODS)[number];

export const PROCESSING_STATES = ['ACTIVE', 'DISABLED'] as const;
export type ProcessingState = (typeof PROCESSING_STATES)[number];

export const INCOMING_FILTERS = [
  'ALL_EMAIL',
  'RESPONSES_TO_CRM_EMAIL',
  'FROM_CRM_LEADS_CONTACTS_ACCOUNTS',
  'FROM_EMAIL_ENABLED_RECORDS',
  'NONE',
] as const;
export type IncomingFilter = (typeof INCOMING_FILTERS)[number];

export const EXCHANGE_SUBSCRIPTION_STATES = ['UNKNOWN', 'NONE', 'ACTIVE'] as const;
export type ExchangeSubscriptionState = (typeof EXCHANGE_SUBSCRIPTION_STATES)[number];

export const APPS_IN_USE = ['SALES_HUB', 'CUSTOM'] as const;
export type AppInUse = (typeof APPS_IN_USE)[number];

export const ALERT_SEVERITIES = ['ERROR', 'WARNING', 'INFORMATION'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const JOB_KINDS = [
  'HEARTBEAT',
  'CONFIGURE_EMAIL',
  'APPROVE_AND_TEST',
  'TEST_AND_ENABLE',
  'DIRECTORY_IMPORT',
  'RESYNC',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const SERVER_TYPES = ['EXCHANGE_ONLINE'] as const;
export type ServerType = (typeof SERVER_TYPES)[number];

export const EMAIL_DIRECTIONS = ['INCOMING', 'OUTGOING'] as const;
export type EmailDirection = (typeof EMAIL_DIRECTIONS)[number];

export const EMAIL_STATUSES = ['DRAFT', 'PENDING_SEND', 'SENDING', 'SENT', 'FAILED', 'RECEIVED', 'CANCELED'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** The CRM records an activity can be regarding (and a party can resolve to, with users). */
export const REGARDING_TYPES = ['ACCOUNT', 'CONTACT', 'LEAD', 'OPPORTUNITY'] as const;
export type RegardingType = (typeof REGARDING_TYPES)[number];

export const PARTY_TYPES = ['USER', 'CONTACT', 'LEAD', 'ACCOUNT'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

export const PARTY_ROLES = ['FROM', 'TO', 'CC', 'BCC'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/**
 * Why an email is in the CRM: sent from it, the user's own action (folder rule, the category,
 * an explicit track), or the mailbox's incoming filter (with correlation deciding regarding).
 */
export const TRACKING_SOURCES = ['CRM', 'FOLDER', 'CATEGORY', 'MANUAL', 'FILTER'] as const;
export type TrackingSource = (typeof TRACKING_SOURCES)[number];

/** A CRM task's status; the same five states as a To Do task. */
export const TASK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'WAITING_ON_OTHERS', 'DEFERRED', 'COMPLETED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_IMPORTANCES = ['LOW', 'NORMAL', 'HIGH'] as const;
export type TaskImportance = (typeof TASK_IMPORTANCES)[number];

/** Which side's value a conflicting field kept (see rules/act-merge.rule.ts). */
export const SYNC_SIDES = ['CRM', 'EXCHANGE'] as const;
export type SyncSide = (typeof SYNC_SIDES)[number];

/** How a recorded mailbox sync run ended (only runs that did something are recorded). */
export const SYNC_RUN_OUTCOMES = ['SUCCESS', 'FAILED'] as const;
export type SyncRunOutcome = (typeof SYNC_RUN_OUTCOMES)[number];
