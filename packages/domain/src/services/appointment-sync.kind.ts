import type { Appointment, AppointmentAttendee } from '../entities/activity.entities.ts';
import type { AppointmentFields } from '../exchange-gateway.ts';
import { findTrackingToken } from '../rules/email-tracking.rule.ts';
import {
  appointmentColumnsOf,
  appointmentFieldsOf,
  isRecordAttendee,
  resolveAttendees,
} from './appointment.service.ts';
import type { CrmRow, SyncedKind } from './item-sync.ts';

/** The calendar range synced: by default 30 days back and 365 ahead. */
export interface CalendarRange {
  daysBack: number;
  daysAhead: number;
}

export const DEFAULT_CALENDAR_RANGE: CalendarRange = { daysBack: 30, daysAhead: 365 };

const DAY_MS = 24 * 3600_000;

/**
 * CRM appointments ↔ events of the owner's primary calendar (field mapping: graph-adapter's
 * event-gateway). Every CRM appointment goes to the calendar; an event comes into the CRM when it
 * is tracked: a contact, lead or account among its attendees, regarding the record of the tracked
 * email whose token its subject carries, if any. The delta's window is read again every day, so
 * it moves on with time; an event that leaves it is not deleted in the CRM.
 */
export function appointmentsKind(range: CalendarRange = DEFAULT_CALENDAR_RANGE): SyncedKind<AppointmentFields> {
  return {
    kind: 'APPOINTMENT',
    table: 'appointment',
    fields: ['subject', 'body', 'startAt', 'endAt', 'isAllDay', 'location', 'attendees'],
    cursorKey: 'calendar',
    restartAfterMs: DAY_MS,
    container: async () => 'calendar',
    delta: (gateway, upn, _container, options) => {
      const now = Date.now();
      const window = { start: new Date(now - range.daysBack * DAY_MS), end: new Date(now + range.daysAhead * DAY_MS) };
      return gateway.eventDelta(upn, window, options);
    },
    get: (gateway, upn, _container, id) => gateway.getEvent(upn, id),
    create: (gateway, upn, _container, fields) => gateway.createEvent(upn, fields),
    update: (gateway, upn, _container, id, changes) => gateway.updateEvent(upn, id, changes),
    remove: (gateway, upn, _container, id) => gateway.deleteEvent(upn, id),
    fieldsOf: (row) => appointmentFieldsOf(row as unknown as Appointment),
    columnsOf: (db, mailbox, fields) => appointmentColumnsOf(db, mailbox.organisationId, fields),
    async admit(db, mailbox, event) {
      const attendees = await resolveAttendees(db, mailbox.organisationId, event.fields.attendees);
      if (!attendees.some(isRecordAttendee)) return null;
      const token = findTrackingToken(event.fields.subject, mailbox.trackingTokenPrefix);
      if (!token) return {};
      const [email]: { regardingType: string; regardingId: string }[] = await db.query(
        `SELECT "regardingType", "regardingId" FROM email
          WHERE "organisationId" = $1 AND "trackingToken" = $2 AND tracked AND "regardingId" IS NOT NULL
          ORDER BY "occurredAt" DESC LIMIT 1`,
        [mailbox.organisationId, token],
      );
      return email ? { regardingType: email.regardingType, regardingId: email.regardingId } : {};
    },
    removalMayBeMove: true,
    exchangeDeleteDeletesCrm: true,
    inSyncedSet: (row) =>
      new Date(row['endAt'] as Date).getTime() > Date.now() - range.daysBack * DAY_MS &&
      new Date(row['startAt'] as Date).getTime() < Date.now() + range.daysAhead * DAY_MS,
    onTimelines: (row: CrmRow) =>
      row.regardingId !== null ||
      ((row['attendees'] as AppointmentAttendee[] | undefined) ?? []).some(isRecordAttendee),
  };
}
