import { ApiKey } from './api-key.entity.ts';
import { Account, Contact, Lead, Opportunity, OpportunityContact } from './crm-record.entities.ts';
import { Email, EmailCopy, EmailParty, FolderTrackingRule, GraphSubscription } from './email.entities.ts';
import { EmailServerProfile } from './email-server-profile.entity.ts';
import { JobItem } from './job-item.entity.ts';
import { Job } from './job.entity.ts';
import { MailboxAlert } from './mailbox-alert.entity.ts';
import { MailboxSyncRun, SYNC_HISTORY_LIMIT } from './mailbox-sync-run.entity.ts';
import { Mailbox } from './mailbox.entity.ts';
import { Notification } from './notification.entity.ts';
import { Organisation } from './organisation.entity.ts';
import { SecurityRole } from './security-role.entity.ts';
import { Session } from './session.entity.ts';
import { Appointment, ExchangeLink, Task } from './activity.entities.ts';
import { UserRole } from './user-role.entity.ts';
import { User } from './user.entity.ts';

export type { EmailPartyValue } from './email.entities.ts';
export type { AppointmentAttendee, ExchangeItemKind, SyncDecision } from './activity.entities.ts';
export {
  ApiKey,
  Email,
  Appointment,
  ExchangeLink,
  Task,
  EmailCopy,
  EmailParty,
  FolderTrackingRule,
  GraphSubscription,
  Account,
  Contact,
  Lead,
  Opportunity,
  OpportunityContact,
  EmailServerProfile,
  Job,
  JobItem,
  Mailbox,
  MailboxAlert,
  MailboxSyncRun,
  SYNC_HISTORY_LIMIT,
  Notification,
  Organisation,
  SecurityRole,
  Session,
  User,
  UserRole,
};

export const ENTITIES = [
  Organisation,
  SecurityRole,
  User,
  UserRole,
  EmailServerProfile,
  Mailbox,
  MailboxAlert,
  MailboxSyncRun,
  Notification,
  Job,
  JobItem,
  Session,
  Account,
  Contact,
  Lead,
  Opportunity,
  OpportunityContact,
  Email,
  EmailCopy,
  EmailParty,
  FolderTrackingRule,
  GraphSubscription,
  Task,
  Appointment,
  ExchangeLink,
  ApiKey,
];
