import type { PartyType, RegardingType } from '@mailroom/domain';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ActivityType } from './email.type.ts';
import { PartyTypeEnum, RegardingTypeEnum } from './enums.ts';
import { PageInfo } from './page-info.type.ts';
import { SyncDecisionType } from './sync-decision.type.ts';

@ObjectType('AppointmentAttendee', { simpleResolvers: true })
export class AppointmentAttendeeType {
  @Field(() => String)
  address: string;

  @Field(() => PartyTypeEnum, { nullable: true, description: 'Null when the address matched no user or record.' })
  resolvedType: PartyType | null;

  @Field(() => ID, { nullable: true })
  resolvedId: string | null;
}

@ObjectType('Appointment', {
  simpleResolvers: true,
  implements: ActivityType,
  description:
    "A meeting owned by a user; kept in step with the owner's Exchange calendar when their mailbox syncs appointments.",
})
export class AppointmentType extends ActivityType {
  @Field(() => String)
  description: string;

  @Field(() => String)
  location: string;

  @Field(() => GraphQLDateTimeISO)
  startAt: Date;

  @Field(() => GraphQLDateTimeISO)
  endAt: Date;

  @Field(() => Boolean)
  isAllDay: boolean;

  @Field(() => [AppointmentAttendeeType])
  attendees: AppointmentAttendeeType[];

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

@ObjectType('AppointmentEdge', { simpleResolvers: true })
export class AppointmentEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => AppointmentType)
  node: AppointmentType;
}

@ObjectType('AppointmentConnection', { simpleResolvers: true })
export class AppointmentConnection {
  @Field(() => [AppointmentEdge])
  edges: AppointmentEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@InputType('CreateAppointmentInput')
export class CreateAppointmentInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The record the appointment is about; it then shows on its timeline.',
  })
  regardingId?: string | null;

  @Field(() => String)
  subject: string;

  @Field(() => GraphQLDateTimeISO)
  start: Date;

  @Field(() => GraphQLDateTimeISO)
  end: Date;

  @Field(() => [String], { nullable: true, description: 'Email addresses of the attendees.' })
  attendees?: string[] | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  isAllDay?: boolean | null;
}

@InputType('UpdateAppointmentInput', { description: 'Only the fields given change.' })
export class UpdateAppointmentInput {
  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  start?: Date | null;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  end?: Date | null;

  @Field(() => [String], { nullable: true })
  attendees?: string[] | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  isAllDay?: boolean | null;
}
