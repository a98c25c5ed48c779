import type { DataSource, EntityManager } from 'typeorm';
import { Appointment, type AppointmentAttendee } from '../entities/activity.entities.ts';
import { DomainError } from '../errors.ts';
import type { AppointmentFields } from '../exchange-gateway.ts';
import type { Principal } from '../principal.ts';
import { CrmRecordService } from './crm-records.service.ts';
import { resolveAddresses } from './email-ingest.service.ts';
import { addressList } from './email.service.ts';
import { OwnedActivities, type ActChangeListener } from './owned-activities.ts';
import type { Page } from './pagination.ts';

export interface CreateAppointmentInput {
  regardingId?: string | null;
  subject: string;
  start: Date;
  end: Date;
  attendees?: readonly string[] | null;
  location?: string | null;
  description?: string | null;
  isAllDay?: boolean | null;
}

export interface UpdateAppointmentInput {
  subject?: string | null;
  start?: Date | null;
  end?: Date | null;
  attendees?: readonly string[] | null;
  location?: string | null;
  description?: string | null;
  isAllDay?: boolean | null;
}

const MAX_SUBJECT = 400;
const MAX_LOCATION = 300;
const MAX_DESCRIPTION = 100_000;
const MAX_ATTENDEES = 500;

/** The appointment's fields as the sync compares them with Exchange. */
export function appointmentFieldsOf(
  row: Pick<Appointment, 'subject' | 'description' | 'startAt' | 'endAt' | 'isAllDay' | 'location' | 'attendees'>,
): AppointmentFields {
  return {
    subject: row.subject,
    body: row.description,
    startAt: new Date(row.startAt).toISOString(),
    endAt: new Date(row.endAt).toISOString(),
    isAllDay: row.isAllDay,
    location: row.location,
    attendees: row.attendees.map((a) => a.address).sort(),
  };
}

/** An attendee that is a contact, lead or account: the appointment is on that record's timeline. */
export const isRecordAttendee = (attendee: AppointmentAttendee): boolean =>
  attendee.resolvedType === 'CONTACT' || attendee.resolvedType === 'LEAD' || attendee.resolvedType === 'ACCOUNT';

/** Attendees resolved to users and CRM records (users first, then contacts, leads, accounts). */
export async function resolveAttendees(
  db: EntityManager,
  organisationId: string,
  addresses: readonly string[],
): Promise<AppointmentAttendee[]> {
  const sorted = [...new Set(addresses.map((a) => a.trim().toLowerCase()))].filter(Boolean).sort();
  const resolved = new Map(
    (sorted.length === 0 ? [] : await resolveAddresses(db, organisationId, sorted)).map((r) => [r.address, r]),
  );
  return sorted.map((address) => ({
    address,
    resolvedType: resolved.get(address)?.type ?? null,
    resolvedId: resolved.get(address)?.id ?? null,
  }));
}

/** The columns of an appointment for these fields (attendees resolved to records). */
export async function appointmentColumnsOf(
  db: EntityManager,
  organisationId: string,
  fields: Partial<AppointmentFields>,
): Promise<Partial<Appointment>> {
  const columns: Partial<Appointment> = {};
  if (fields.subject !== undefined) columns.subject = fields.subject.slice(0, MAX_SUBJECT);
  if (fields.body !== undefined) columns.description = fields.body.slice(0, MAX_DESCRIPTION);
  if (fields.startAt !== undefined) columns.startAt = new Date(fields.startAt);
  if (fields.endAt !== undefined) columns.endAt = new Date(fields.endAt);
  if (fields.isAllDay !== undefined) columns.isAllDay = fields.isAllDay;
  if (fields.location !== undefined) columns.location = fields.location.slice(0, MAX_LOCATION);
  if (fields.attendees !== undefined)
    columns.attendees = await resolveAttendees(db, organisationId, fields.attendees.slice(0, MAX_ATTENDEES));
  return columns;
}

/**
 * CRM appointments: created from a record (they show on its timeline and on those of the
 * contacts, leads and accounts among the attendees) or tracked from the owner's calendar.
 */
export class AppointmentService {
  private readonly records: CrmRecordService;
  private readonly appointments: OwnedActivities<Appointment>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly listener: ActChangeListener | null = null,
  ) {
    this.records = new CrmRecordService(dataSource);
    this.appointments = new OwnedActivities(dataSource, Appointment, 'appointment', 'appointment', (row) =>
      row.attendees.filter(isRecordAttendee).map((a) => a.resolvedId!),
    );
  }

  async create(principal: Principal, input: CreateAppointmentInput): Promise<Appointment> {
    const regarding = input.regardingId
      ? await this.records.visibleRecord(principal, input.regardingId, 'The record for the appointment')
      : null;
    const fields = checked({
      subject: input.subject,
      startAt: input.start,
      endAt: input.end,
      attendees: input.attendees ?? [],
      location: input.location ?? '',
      body: input.description ?? '',
      isAllDay: input.isAllDay ?? false,
    }) as AppointmentFields;
    const appointment = await this.dataSource.transaction(async (db) => {
      const repository = db.getRepository(Appointment);
      return repository.save(
        repository.create({
          organisationId: principal.organisationId,
          ownerUserId: principal.userId,
          ...(await appointmentColumnsOf(db, principal.organisationId, fields)),
          regardingType: regarding?.type ?? null,
          regardingId: regarding?.id ?? null,
        }),
      );
    });
    await this.listener?.crmChanged(appointment.organisationId, appointment.ownerUserId);
    return appointment;
  }

  async update(principal: Principal, id: string, input: UpdateAppointmentInput): Promise<Appointment> {
    const appointment = await this.appointments.owned(principal, id);
    const fields = checked(
      {
        ...(input.subject == null ? {} : { subject: input.subject }),
        ...(input.start == null ? {} : { startAt: input.start }),
        ...(input.end == null ? {} : { endAt: input.end }),
        ...(input.attendees == null ? {} : { attendees: input.attendees }),
        ...(input.location == null ? {} : { location: input.location }),
        ...(input.description == null ? {} : { body: input.description }),
        ...(input.isAllDay == null ? {} : { isAllDay: input.isAllDay }),
      },
      appointment,
    );
    const columns = await appointmentColumnsOf(this.dataSource.manager, principal.organisationId, fields);
    const changed = await this.appointments.write(appointment.id, columns);
    await this.listener?.crmChanged(appointment.organisationId, appointment.ownerUserId);
    return changed;
  }

  async delete(principal: Principal, id: string): Promise<boolean> {
    const appointment = await this.appointments.delete(principal, id);
    await this.listener?.crmChanged(appointment.organisationId, appointment.ownerUserId);
    return true;
  }

  get(principal: Principal, id: string): Promise<Appointment | null> {
    return this.appointments.get(principal, id);
  }

  /** The signed-in user's appointments, newest first. */
  mine(principal: Principal, first?: number | null, after?: string | null): Promise<Page<Appointment>> {
    return this.appointments.mine(principal, first, after);
  }
}

interface AppointmentInput {
  subject?: string;
  startAt?: Date;
  endAt?: Date;
  attendees?: readonly string[];
  location?: string;
  body?: string;
  isAllDay?: boolean;
}

/** Checks what the user typed; errors name the field and say what to change. */
function checked(
  input: AppointmentInput,
  current?: Pick<Appointment, 'startAt' | 'endAt'>,
): Partial<AppointmentFields> {
  const fields: Partial<AppointmentFields> = {};
  if (input.subject !== undefined) {
    const subject = input.subject.trim();
    if (!subject) throw new DomainError('BAD_USER_INPUT', 'An appointment needs a subject.');
    if (subject.length > MAX_SUBJECT)
      throw new DomainError('BAD_USER_INPUT', `An appointment's subject is at most ${MAX_SUBJECT} characters.`);
    fields.subject = subject;
  }
  const start = input.startAt ?? current?.startAt;
  const end = input.endAt ?? current?.endAt;
  if (start && end && new Date(end).getTime() < new Date(start).getTime())
    throw new DomainError('BAD_USER_INPUT', 'An appointment cannot end before it starts.');
  const allDay = input.isAllDay ?? false;
  const midnight = (at: Date | undefined) => !at || new Date(at).toISOString().endsWith('T00:00:00.000Z');
  if (allDay && (!midnight(start) || !midnight(end) || (start && end && new Date(end) <= new Date(start))))
    throw new DomainError(
      'BAD_USER_INPUT',
      'An all-day appointment starts and ends at midnight (UTC) and lasts at least one day.',
    );
  if (input.startAt !== undefined) fields.startAt = input.startAt.toISOString();
  if (input.endAt !== undefined) fields.endAt = input.endAt.toISOString();
  if (input.attendees !== undefined) {
    const attendees = addressList(input.attendees, 'Attendees');
    if (attendees.length > MAX_ATTENDEES)
      throw new DomainError('BAD_USER_INPUT', `An appointment has at most ${MAX_ATTENDEES} attendees.`);
    fields.attendees = attendees.sort();
  }
  if (input.location !== undefined) {
    if (input.location.length > MAX_LOCATION)
      throw new DomainError('BAD_USER_INPUT', `A location is at most ${MAX_LOCATION} characters.`);
    fields.location = input.location.trim();
  }
  if (input.body !== undefined) {
    if (input.body.length > MAX_DESCRIPTION)
      throw new DomainError('BAD_USER_INPUT', `A description is at most ${MAX_DESCRIPTION} characters.`);
    fields.body = input.body;
  }
  if (input.isAllDay !== undefined) fields.isAllDay = input.isAllDay;
  return fields;
}
