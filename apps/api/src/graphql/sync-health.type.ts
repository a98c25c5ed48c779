import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('SyncHealthMinute', { simpleResolvers: true, description: 'One minute of synchronisation.' })
export class SyncHealthMinuteType {
  @Field(() => GraphQLDateTimeISO, { description: 'The minute’s start.' })
  at: Date;

  @Field(() => Int, { description: 'Email copies ingested from the organisation’s mailboxes.' })
  emailsSynced: number;

  @Field(() => Int, { description: 'Sync runs that failed.' })
  failures: number;

  @Field(() => Int, { description: 'Requests Exchange Online answered 429 (throttled).' })
  throttled: number;
}

@ObjectType('QueueDepth', { simpleResolvers: true })
export class QueueDepthType {
  @Field(() => String)
  queue: string;

  @Field(() => Int, { description: 'Jobs waiting for a worker (prioritised ones included).' })
  waiting: number;

  @Field(() => Int)
  active: number;

  @Field(() => Int, { description: 'Jobs waiting for their time: retries backing off, rate limits.' })
  delayed: number;

  @Field(() => Int, { description: 'Jobs that failed for good and are kept for inspection.' })
  failed: number;
}

@ObjectType('LaggingMailbox', { simpleResolvers: true })
export class LaggingMailboxType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  emailAddress: string;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Last successful sync; null if never.' })
  lastSyncAt: Date | null;

  @Field(() => Float, { description: 'Seconds since the last successful sync (since enabled, if never).' })
  lagSeconds: number;

  @Field(() => Int)
  consecutiveFailures: number;
}

@ObjectType('SyncHealth', { simpleResolvers: true })
export class SyncHealthType {
  @Field(() => Int)
  windowMinutes: number;

  @Field(() => [SyncHealthMinuteType], {
    description: 'Every minute of the window, oldest first; the last is the current, still filling.',
  })
  minutes: SyncHealthMinuteType[];

  @Field(() => [QueueDepthType], {
    description: 'Jobs in each worker queue now. Queues are shared by every organisation: these are global.',
  })
  queues: QueueDepthType[];

  @Field(() => [LaggingMailboxType], {
    description: 'The enabled mailboxes longest without a successful sync, most behind first (at most 10).',
  })
  slowestMailboxes: LaggingMailboxType[];
}
