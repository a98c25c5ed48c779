import type {
  AppointmentFields,
  CalendarWindow,
  ExchangeEvent,
  ItemDeltaOptions,
  ItemDeltaPage,
} from '@mailroom/domain';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { GraphAdapter } from './graph-adapter.ts';
import { malformedResponse } from './graph-errors.ts';
import { graphDateTime, instantOf, textOf, unlessGone } from './graph-values.ts';

/**
 * CRM appointment ↔ Exchange event (primary calendar), field by field:
 *
 * | CRM appointment | event                                                        |
 * |-----------------|--------------------------------------------------------------|
 * | subject         | subject                                                      |
 * | description     | body (text; HTML bodies are read as their text)              |
 * | startAt, endAt  | start, end (UTC dateTime, timeZone "UTC")                    |
 * | isAllDay        | isAllDay                                                     |
 * | location        | location.displayName                                         |
 * | attendees       | attendees[].emailAddress.address (written as required ones)  |
 *
 * The event's `changeKey` is its change marker.
 */
export function toExchangeEvent(event: Event & { '@odata.etag'?: string }): ExchangeEvent {
  if (!event.id) throw malformedResponse('an event without an id');
  const changeKey = event.changeKey ?? event['@odata.etag'];
  if (!changeKey) throw malformedResponse('an event without a changeKey');
  const startAt = instantOf(event.start);
  const endAt = instantOf(event.end);
  if (!startAt || !endAt) throw malformedResponse('an event without a start or an end');
  const attendees = (event.attendees ?? [])
    .map((a) => a.emailAddress?.address?.trim().toLowerCase())
    .filter((a): a is string => !!a);
  return {
    id: event.id,
    changeKey,
    lastModifiedAt: new Date(event.lastModifiedDateTime ?? Date.now()),
    fields: {
      subject: event.subject ?? '',
      body: textOf(event.body),
      startAt,
      endAt,
      isAllDay: event.isAllDay ?? false,
      location: event.location?.displayName ?? '',
      attendees: [...new Set(attendees)].sort(),
    },
  };
}

export function toGraphEvent(fields: Partial<AppointmentFields>): Event {
  const event: Event = {};
  if (fields.subject !== undefined) event.subject = fields.subject;
  if (fields.body !== undefined) event.body = { contentType: 'text', content: fields.body };
  if (fields.startAt !== undefined) event.start = graphDateTime(fields.startAt);
  if (fields.endAt !== undefined) event.end = graphDateTime(fields.endAt);
  if (fields.isAllDay !== undefined) event.isAllDay = fields.isAllDay;
  if (fields.location !== undefined) event.location = { displayName: fields.location };
  if (fields.attendees !== undefined)
    event.attendees = fields.attendees.map((address) => ({ emailAddress: { address }, type: 'required' }));
  return event;
}

/** The calendar half of the domain's Exchange port. */
export function eventGatewayOver(adapter: GraphAdapter) {
  return {
    async *eventDelta(
      mailbox: string,
      window: CalendarWindow,
      options: ItemDeltaOptions = {},
    ): AsyncGenerator<ItemDeltaPage<ExchangeEvent>, void, undefined> {
      for await (const page of adapter.eventDelta(mailbox, window, options)) {
        yield {
          items: page.items.map(toExchangeEvent),
          removedIds: page.removedIds,
          cursor: (page.nextCursor ?? page.deltaCursor)!,
          complete: page.deltaCursor !== undefined,
        };
      }
    },
    async getEvent(mailbox: string, eventId: string): Promise<ExchangeEvent | null> {
      const event = await unlessGone(() => adapter.getEvent(mailbox, eventId));
      return event === null ? null : toExchangeEvent(event);
    },
    async createEvent(mailbox: string, fields: AppointmentFields): Promise<ExchangeEvent> {
      return toExchangeEvent(await adapter.createEvent(mailbox, toGraphEvent(fields)));
    },
    async updateEvent(mailbox: string, eventId: string, changes: Partial<AppointmentFields>): Promise<ExchangeEvent> {
      return toExchangeEvent(await adapter.updateEvent(mailbox, eventId, toGraphEvent(changes)));
    },
    async deleteEvent(mailbox: string, eventId: string): Promise<void> {
      await unlessGone(() => adapter.deleteEvent(mailbox, eventId));
    },
  };
}
