import type { SyncSide } from '@mailroom/domain';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { SyncSideEnum } from './enums.ts';

@ObjectType('SyncFieldDecision', { simpleResolvers: true })
export class SyncFieldDecisionType {
  @Field(() => String)
  field: string;

  @Field(() => SyncSideEnum, { description: 'The side whose value was kept.' })
  kept: SyncSide;
}

@ObjectType('SyncDecision', {
  simpleResolvers: true,
  description:
    'How the last conflict between the CRM and Exchange was settled: per field, the later writer wins and the CRM wins ties.',
})
export class SyncDecisionType {
  @Field(() => GraphQLDateTimeISO)
  at: string;

  @Field(() => [SyncFieldDecisionType])
  fields: SyncFieldDecisionType[];
}
