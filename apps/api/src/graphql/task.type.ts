import type { RegardingType, TaskImportance, TaskStatus } from '@mailroom/domain';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ActivityType } from './email.type.ts';
import { RegardingTypeEnum, TaskImportanceEnum, TaskStatusEnum } from './enums.ts';
import { PageInfo } from './page-info.type.ts';
import { SyncDecisionType } from './sync-decision.type.ts';

@ObjectType('Task', {
  simpleResolvers: true,
  implements: ActivityType,
  description: "A to-do owned by a user; kept in step with the owner's Microsoft To Do when their mailbox syncs tasks.",
})
export class TaskType extends ActivityType {
  @Field(() => String)
  description: string;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  dueAt: Date | null;

  @Field(() => TaskStatusEnum)
  status: TaskStatus;

  @Field(() => TaskImportanceEnum)
  importance: TaskImportance;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  completedAt: Date | null;

  @Field(() => RegardingTypeEnum, { nullable: true })
  regardingType: RegardingType | null;

  @Field(() => ID, { nullable: true })
  regardingId: string | null;

  @Field(() => SyncDecisionType, { nullable: true })
  syncDecision: SyncDecisionType | null;

  @Field(() => GraphQLDateTimeISO)
  createdAt: Date;

  @Field(() => GraphQLDateTimeISO)
  updatedAt: Date;

  ownerUserId: string;
}

@ObjectType('TaskEdge', { simpleResolvers: true })
export class TaskEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => TaskType)
  node: TaskType;
}

@ObjectType('TaskConnection', { simpleResolvers: true })
export class TaskConnection {
  @Field(() => [TaskEdge])
  edges: TaskEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@InputType('CreateTaskInput')
export class CreateTaskInput {
  @Field(() => ID, { nullable: true, description: 'The record the task is about; it then shows on its timeline.' })
  regardingId?: string | null;

  @Field(() => String)
  subject: string;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  dueAt?: Date | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => TaskImportanceEnum, { nullable: true })
  importance?: TaskImportance | null;
}

@InputType('UpdateTaskInput', { description: 'Only the fields given change; dueAt: null clears the due date.' })
export class UpdateTaskInput {
  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  dueAt?: Date | null;

  @Field(() => TaskStatusEnum, { nullable: true })
  status?: TaskStatus | null;

  @Field(() => TaskImportanceEnum, { nullable: true })
  importance?: TaskImportance | null;
}
