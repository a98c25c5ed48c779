import type {
  AlertSeverity,
  ApprovalStatus,
  IncomingFilter,
  ProcessingState,
  SyncMethod,
  SyncRunOutcome,
  TestRunStatus,
  TestStatus,
} from '@mailroom/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import {
  AlertSeverityEnum,
  ApprovalStatusEnum,
  IncomingFilterEnum,
  ProcessingStateEnum,
  SyncMethodEnum,
  SyncRunOutcomeEnum,
  TestRunStatusEnum,
  TestStatusEnum,
} from './enums.ts';
import { PageInfo } from './page-info.type.ts';

@ObjectType('MailboxAlert', { simpleResolvers: true })
export class MailboxAlertType {
  @Field(() => ID)
  id: string;

  @Field(() => AlertSeverityEnum)
  severity: AlertSeverity;

  @Field(() => String)
  code: string;

  @Field(() => String, { description: 'What went wrong and how to fix it, in English.' })
  message: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'What the message is made of (address, channel, channels, permission, failures), to word it from the code in another language; null on alerts raised before they were kept.',
  })
  params: Record<string, unknown> | null;

  @Field(() => GraphQLDateTimeISO)
  firstOccurredAt: Date;

  @Field(() => GraphQLDateTimeISO)
  lastOccurredAt: Date;

  @Field(() => Int, { description: 'How many times it occurred; repeats are folded into one alert.' })
  count: number;

  dismissedAt: Date | null;
}

@ObjectType('MailboxSyncRun', {
  simpleResolvers: true,
  description:
    'An incoming-email sync run that stored or attached mail, failed, or read a folder again; empty polls are not recorded.',
})
export class MailboxSyncRunType {
  @Field(() => ID)
  id: string;

  @Field(() => GraphQLDateTimeISO)
  startedAt: Date;

  @Field(() => GraphQLDateTimeISO)
  finishedAt: Date;

  @Field(() => SyncRunOutcomeEnum)
  outcome: SyncRunOutcome;

  @Field(() => Int, { description: 'New emails the run stored.' })
  messagesStored: number;

  @Field(() => Int, { description: 'Copies in this mailbox of emails already stored from another mailbox.' })
  copiesAttached: number;

  @Field(() => Int, { description: 'Folder reads over all of the run’s rounds (Inbox, Sent Items, tracked folders).' })
  foldersRead: number;

  @Field(() => Int, { description: 'Folders read again from the start because Exchange expired their cursor.' })
  foldersResynced: number;

  @Field(() => String, {
    nullable: true,
    description: 'How Exchange refused (e.g. THROTTLED, ACCESS_POLICY_DENIED); null on success or an internal error.',
  })
  failureKind: string | null;

  @Field(() => String, { nullable: true, description: 'What went wrong and what to do about it, in English.' })
  failureMessage: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the run failed, as a code to word in another language: RETRY_THROTTLED, RETRY_UNAVAILABLE, INTERNAL_ERROR, LEASE_LOST, or the code of the mailbox alert the failure raised; null on success, or on runs recorded before codes were kept.',
  })
  failureCode: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'What failureMessage is made of: the alert’s params, or seconds (when Mailroom tries again).',
  })
  failureParams: Record<string, unknown> | null;
}

@ObjectType('Mailbox', { simpleResolvers: true })
export class MailboxType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  emailAddress: string;

  ownerUserId: string | null;

  @Field(() => String, { nullable: true, description: 'Set for queue mailboxes, which have no owner.' })
  queueName: string | null;

  @Field(() => ApprovalStatusEnum)
  approvalStatus: ApprovalStatus;

  @Field(() => SyncMethodEnum)
  incomingMethod: SyncMethod;

  @Field(() => SyncMethodEnum)
  outgoingMethod: SyncMethod;

  @Field(() => SyncMethodEnum, { description: 'Appointments, contacts and tasks.' })
  actMethod: SyncMethod;

  @Field(() => TestStatusEnum)
  incomingStatus: TestStatus;

  @Field(() => TestStatusEnum)
  outgoingStatus: TestStatus;

  @Field(() => TestStatusEnum, { description: 'Appointments, contacts and tasks.' })
  actStatus: TestStatus;

  @Field(() => TestRunStatusEnum)
  testRunStatus: TestRunStatus;

  @Field(() => Boolean)
  enabledForIncoming: boolean;

  @Field(() => Boolean)
  enabledForOutgoing: boolean;

  @Field(() => Boolean)
  enabledForAct: boolean;

  @Field(() => ProcessingStateEnum)
  processingState: ProcessingState;

  @Field(() => IncomingFilterEnum, { description: 'Which incoming email becomes CRM email.' })
  incomingFilter: IncomingFilter;

  @Field(() => Boolean, { description: 'Messages moved into folders with tracking rules are tracked.' })
  folderTrackingEnabled: boolean;

  @Field(() => Int, { description: 'Transient sync or send failures in a row (10 disable processing).' })
  consecutiveFailures: number;

  lastSyncSuccessAt: Date | null;
}

@ObjectType('MailboxEdge', { simpleResolvers: true })
export class MailboxEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => MailboxType)
  node: MailboxType;
}

@ObjectType('MailboxConnection', { simpleResolvers: true })
export class MailboxConnection {
  @Field(() => [MailboxEdge])
  edges: MailboxEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@InputType('MailboxFilter')
export class MailboxFilterInput {
  @Field(() => TestRunStatusEnum, { nullable: true })
  testRunStatus?: TestRunStatus | null;

  @Field(() => ApprovalStatusEnum, { nullable: true })
  approvalStatus?: ApprovalStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Matches the email address or the owner name, case-insensitively.',
  })
  search?: string | null;
}

@InputType('UpdateMailboxInput')
export class UpdateMailboxInput {
  @Field(() => IncomingFilterEnum, { nullable: true })
  incomingFilter?: IncomingFilter | null;
}
