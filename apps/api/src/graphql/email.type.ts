import {
  Appointment,
  Task,
  type Activity,
  type EmailDirection,
  type EmailStatus,
  type PartyRole,
  type PartyType,
  type RegardingType,
  type TrackingSource,
} from '@mailroom/domain';
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, InterfaceType, ObjectType } from 'type-graphql';
import {
  EmailDirectionEnum,
  EmailStatusEnum,
  PartyRoleEnum,
  PartyTypeEnum,
  RegardingTypeEnum,
  TrackingSourceEnum,
} from './enums.ts';
import { PageInfo } from './page-info.type.ts';

@ObjectType('RecordRef', {
  simpleResolvers: true,
  description: 'A CRM record an activity is regarding, or a party resolved to.',
})
export class RecordRefType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  type: string;

  @Field(() => String)
  name: string;
}

@InterfaceType('Activity', {
  description: 'What timelines hold: emails, tasks and appointments.',
  resolveType: (activity: object) =>
    activity instanceof Task ? 'Task' : activity instanceof Appointment ? 'Appointment' : 'Email',
})
export abstract class ActivityType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  subject: string;

  @Field(() => GraphQLDateTimeISO, { description: 'When it was sent or received (created, until then).' })
  occurredAt: Date;
}

@ObjectType('EmailParty', { simpleResolvers: true })
export class EmailPartyType {
  @Field(() => PartyRoleEnum)
  role: PartyRole;

  @Field(() => String)
  address: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => PartyTypeEnum, { nullable: true, description: 'Null when the address matched no user or record.' })
  resolvedType: PartyType | null;

  @Field(() => ID, { nullable: true })
  resolvedId: string | null;
}

@ObjectType('EmailCopy', {
  simpleResolvers: true,
  description: 'Where the email sits in Exchange: one per CRM mailbox holding it.',
})
export class EmailCopyType {
  @Field(() => ID)
  mailboxId: string;

  @Field(() => String)
  emailAddress: string;

  @Field(() => String)
  exchangeMessageId: string;

  @Field(() => Boolean, { description: 'Deleted in Exchange, or moved out of every synced folder.' })
  removed: boolean;
}

@ObjectType('Email', { simpleResolvers: true, implements: ActivityType })
export class EmailType extends ActivityType {
  @Field(() => EmailDirectionEnum)
  direction: EmailDirection;

  @Field(() => EmailStatusEnum)
  status: EmailStatus;

  @Field(() => String, { description: 'Plain-text preview (at most 255 characters).' })
  preview: string;

  @Field(() => String, { nullable: true })
  internetMessageId: string | null;

  @Field(() => String, { nullable: true })
  conversationId: string | null;

  @Field(() => String, { nullable: true })
  inReplyTo: string | null;

  @Field(() => String, { nullable: true })
  trackingToken: string | null;

  @Field(() => RegardingTypeEnum, { nullable: true })
  regardingType: RegardingType | null;

  @Field(() => ID, { nullable: true })
  regardingId: string | null;

  @Field(() => TrackingSourceEnum)
  trackedBy: TrackingSource;

  @Field(() => Boolean)
  tracked: boolean;

  @Field(() => String, { nullable: true, description: 'Why sending failed, in words a person can act on (English).' })
  failureReason: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why sending failed, as a code to word in another language: MAILBOX_NOT_ENABLED, NOT_CONNECTED, MAILBOX_REFUSED, NOT_CONFIRMED or EMAIL_REFUSED; null when it has not failed, or failed before codes were kept.',
  })
  failureCode: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'What failureReason is made of (for MAILBOX_REFUSED: address, and kind, how Exchange refused).',
  })
  failureParams: Record<string, unknown> | null;

  @Field(() => GraphQLDateTimeISO)
  createdAt: Date;

  body: string;
  bodyContentType: 'html' | 'text';
  ownerUserId: string | null;
}

@ObjectType('TimelineEdge', { simpleResolvers: true })
export class TimelineEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => ActivityType)
  node: Activity;
}

@ObjectType('TimelineConnection', {
  simpleResolvers: true,
  description:
    'Newest thread first; the emails of a thread together, newest first; a task or appointment is a thread of its own.',
})
export class TimelineConnection {
  @Field(() => [TimelineEdge])
  edges: TimelineEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType('TimelineEvent', {
  simpleResolvers: true,
  description: 'An activity appeared on, or changed on, a timeline.',
})
export class TimelineEventType {
  @Field(() => ID)
  regardingId: string;

  @Field(() => String, { description: 'CREATED or UPDATED' })
  change: string;

  @Field(() => ActivityType, { nullable: true, description: 'Null when the activity left the timeline (untracked).' })
  activity: Activity | null;

  @Field(() => ID)
  activityId: string;
}

@InputType('SendEmailInput')
export class SendEmailInput {
  @Field(() => ID, { description: 'The record the email is about (e.g. an opportunity).' })
  regardingId: string;

  @Field(() => [String])
  to: string[];

  @Field(() => [String], { nullable: true })
  cc?: string[] | null;

  @Field(() => String)
  subject: string;

  @Field(() => String, { description: 'HTML body.' })
  body: string;
}

@ObjectType('FolderTrackingRule', { simpleResolvers: true })
export class FolderTrackingRuleType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  mailboxId: string;

  @Field(() => String)
  folderId: string;

  @Field(() => String, { description: 'e.g. Inbox/Customers/Fabrikam' })
  folderPath: string;

  @Field(() => RegardingTypeEnum, { nullable: true })
  regardingType: RegardingType | null;

  @Field(() => ID, { nullable: true })
  regardingId: string | null;

  @Field(() => GraphQLDateTimeISO)
  createdAt: Date;
}

@ObjectType('MailFolder', { simpleResolvers: true })
export class MailFolderType {
  @Field(() => String)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String)
  path: string;
}
