import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type.ts';

@ObjectType('Notification', { simpleResolvers: true })
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'e.g. MAILBOX_ALERT, JOB_FINISHED' })
  kind: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  message: string;

  @Field(() => GraphQLJSONObject, { description: 'Ids of what it is about (mailboxId, alertId, jobId…).' })
  data: Record<string, unknown>;

  @Field(() => GraphQLDateTimeISO)
  createdAt: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  readAt: Date | null;
}

@ObjectType('NotificationEdge', { simpleResolvers: true })
export class NotificationEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => NotificationType)
  node: NotificationType;
}

@ObjectType('NotificationConnection', { simpleResolvers: true })
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges: NotificationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;

  @Field(() => Int)
  unreadCount: number;
}
