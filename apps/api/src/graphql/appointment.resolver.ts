import { publishTimelineChanges, type Appointment } from '@mailroom/domain';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal } from '../auth-checker.ts';
import type { ApiContext } from '../context.ts';
import { publisherOf } from '../pubsub.ts';
import { toConnection } from './connection.ts';
import { RecordRefType } from './email.type.ts';
import {
  AppointmentConnection,
  AppointmentType,
  CreateAppointmentInput,
  UpdateAppointmentInput,
} from './appointment.type.ts';
import { UserType } from './user.type.ts';

@Resolver(() => AppointmentType)
export class AppointmentResolver {
  @Authorized()
  @Query(() => AppointmentConnection, { description: "The signed-in user's appointments, newest first." })
  async appointments(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ApiContext,
  ) {
    return toConnection(await context.services.appointments.mine(requirePrincipal(context), first, after));
  }

  @Authorized()
  @Query(() => AppointmentType, { nullable: true, description: 'One appointment, if the caller may see it.' })
  appointment(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Appointment | null> {
    return context.services.appointments.get(requirePrincipal(context), id);
  }

  @Authorized()
  @Mutation(() => AppointmentType, {
    description:
      "Creates an appointment owned by the caller, on the record's timeline; it reaches their calendar when appointments sync.",
  })
  async createAppointment(
    @Arg('input', () => CreateAppointmentInput) input: CreateAppointmentInput,
    @Ctx() context: ApiContext,
  ) {
    const appointment = await context.services.appointments.create(requirePrincipal(context), input);
    await this.announce(context, appointment, 'created');
    return appointment;
  }

  @Authorized()
  @Mutation(() => AppointmentType, { description: 'Changes an appointment the caller owns (an administrator, any).' })
  async updateAppointment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAppointmentInput) input: UpdateAppointmentInput,
    @Ctx() context: ApiContext,
  ) {
    const appointment = await context.services.appointments.update(requirePrincipal(context), id, input);
    await this.announce(context, appointment, 'updated');
    return appointment;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Deletes an appointment in the CRM (and, when appointments sync, in the calendar).',
  })
  deleteAppointment(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<boolean> {
    return context.services.appointments.delete(requirePrincipal(context), id);
  }

  @FieldResolver(() => GraphQLDateTimeISO, { description: 'When the appointment starts: its place on timelines.' })
  occurredAt(@Root() appointment: Appointment): Date {
    return appointment.startAt;
  }

  @FieldResolver(() => RecordRefType, { nullable: true })
  regarding(@Root() appointment: Appointment, @Ctx() { loaders }: ApiContext) {
    return appointment.regardingId ? loaders.record.load(appointment.regardingId) : null;
  }

  @FieldResolver(() => UserType, { nullable: true })
  owner(@Root() appointment: Appointment, @Ctx() { loaders }: ApiContext) {
    return loaders.user.load(appointment.ownerUserId);
  }

  /** On the timelines of its record and of the contacts, leads and accounts attending. */
  private async announce(context: ApiContext, appointment: Appointment, change: 'created' | 'updated') {
    await publishTimelineChanges(context.services.dataSource.manager, publisherOf(context.services.pubSub), {
      [change]: [appointment.id],
    });
  }
}
