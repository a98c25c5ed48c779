import type { Event } from '@microsoft/microsoft-graph-types';
import { deltaPages, type DeltaOptions, type DeltaPage } from './delta-pages.ts';
import { PERMISSIONS } from './graph-permissions.ts';
import { segment, type GraphContext } from './graph-transport.ts';

/** The date range a calendar delta covers; fixed for the cursor's lifetime. */
export interface CalendarWindow {
  start: Date;
  end: Date;
}

/**
 * Calendar view delta of the primary calendar within `window`, occurrences expanded. An event
 * that leaves the window, or is deleted, is in `removedIds`.
 */
export function eventDelta(
  context: GraphContext,
  mailbox: string,
  window: CalendarWindow,
  options: DeltaOptions = {},
): AsyncGenerator<DeltaPage<Event>, void, undefined> {
  return deltaPages<Event>(context, {
    mailbox,
    permission: PERMISSIONS.calendarsRead,
    first: {
      url: `/users/${segment(mailbox)}/calendarView/delta`,
      query: { startDateTime: window.start.toISOString(), endDateTime: window.end.toISOString() },
    },
    options,
  });
}

/** Reads one event. */
export function getEvent(context: GraphContext, mailbox: string, eventId: string): Promise<Event> {
  return context.transport.execute<Event>({
    method: 'GET',
    url: `/users/${segment(mailbox)}/events/${segment(eventId)}`,
    mailbox,
    permission: PERMISSIONS.calendarsRead,
  });
}

/** Creates an event in the primary calendar; Graph sends invitations to its attendees. */
export function createEvent(context: GraphContext, mailbox: string, event: Event): Promise<Event> {
  return context.transport.execute<Event>({
    method: 'POST',
    url: `/users/${segment(mailbox)}/events`,
    body: event,
    mailbox,
    permission: PERMISSIONS.calendarsWrite,
  });
}

/** Changes the given fields of an event. */
export function updateEvent(context: GraphContext, mailbox: string, eventId: string, changes: Event): Promise<Event> {
  return context.transport.execute<Event>({
    method: 'PATCH',
    url: `/users/${segment(mailbox)}/events/${segment(eventId)}`,
    body: changes,
    mailbox,
    permission: PERMISSIONS.calendarsWrite,
  });
}

/** Deletes an event. */
export async function deleteEvent(context: GraphContext, mailbox: string, eventId: string): Promise<void> {
  await context.transport.execute<void>({
    method: 'DELETE',
    url: `/users/${segment(mailbox)}/events/${segment(eventId)}`,
    mailbox,
    permission: PERMISSIONS.calendarsWrite,
  });
}
