import type { JobErrorCode, JobKind, JobStatus } from '@mailroom/domain';
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { JobKindEnum, JobStatusEnum } from './enums.ts';

@ObjectType('Job', { simpleResolvers: true })
export class JobType {
  @Field(() => ID)
  id: string;

  @Field(() => JobKindEnum)
  kind: JobKind;

  @Field(() => JobStatusEnum)
  status: JobStatus;

  @Field(() => Int)
  done: number;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  failed: number;

  @Field(() => String, { nullable: true, description: 'Why the job failed, when it did.' })
  error: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the job failed, as a code: GAVE_UP (its last attempt failed; run it again).',
  })
  errorCode: JobErrorCode | null;

  @Field(() => GraphQLJSONObject, { description: 'Summary written by the worker (e.g. directory import counts).' })
  report: Record<string, unknown>;

  @Field(() => GraphQLDateTimeISO)
  createdAt: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  startedAt: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  finishedAt: Date | null;
}
