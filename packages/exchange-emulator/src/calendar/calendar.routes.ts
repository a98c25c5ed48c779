import { userOf, type RouteContext, type RouteTable } from '../graph/graph-route.ts';
import { errors } from '../http/graph-error.ts';
import { json } from '../http/http.types.ts';
import type { StoredItem } from '../items/item-container.ts';
import { createItem, deleteItem, findItem, itemDelta, listItems, render, updateItem } from '../items/item.routes.ts';

interface Window {
  start: number;
  end: number;
}

function calendarOf(ctx: RouteContext) {
  return ctx.state.data(userOf(ctx)).calendar;
}

/** Event times are `{dateTime, timeZone}`; the emulator keeps every calendar in UTC. */
function instant(value: unknown): number {
  const dateTime = (value as { dateTime?: unknown } | undefined)?.dateTime;
  if (typeof dateTime !== 'string') return NaN;
  return Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(dateTime) ? dateTime : `${dateTime}Z`);
}

function validateTimes(fields: Record<string, unknown>): void {
  const start = instant(fields['start']);
  const end = instant(fields['end']);
  if (Number.isNaN(start) || Number.isNaN(end))
    throw errors.invalidRequest('An event needs start and end as {dateTime, timeZone}.');
  if (end < start) throw errors.invalidRequest('The end of an event cannot be before its start.');
}

function parseWindow(query: URLSearchParams): Window {
  const start = Date.parse(query.get('startDateTime') ?? query.get('StartDateTime') ?? '');
  const end = Date.parse(query.get('endDateTime') ?? query.get('EndDateTime') ?? '');
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw errors.badRequest(
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  }
  return { start, end };
}

function inWindow(event: StoredItem, window: Window): boolean {
  return instant(event.fields['start']) < window.end && instant(event.fields['end']) > window.start;
}

export const calendarRoutes: RouteTable = [
  [
    'GET',
    'users/:user/calendarView/delta',
    {
      area: 'calendar',
      access: 'read',
      handler: (ctx) =>
        itemDelta(ctx, calendarOf(ctx), {
          odataType: 'event',
          parseOptions: () => ({ window: parseWindow(ctx.req.query), select: undefined }),
          matches: (event, options) => inWindow(event, options.window),
        }),
    },
  ],
  [
    'GET',
    'users/:user/calendarView',
    {
      area: 'calendar',
      access: 'read',
      handler: (ctx) => {
        const window = parseWindow(ctx.req.query);
        return listItems(ctx, calendarOf(ctx), (event) => inWindow(event, window));
      },
    },
  ],
  [
    'GET',
    'users/:user/events',
    { area: 'calendar', access: 'read', handler: (ctx) => listItems(ctx, calendarOf(ctx)) },
  ],
  [
    'POST',
    'users/:user/events',
    { area: 'calendar', access: 'write', handler: (ctx) => createItem(ctx, calendarOf(ctx), validateTimes) },
  ],
  [
    'POST',
    'users/:user/calendar/events',
    { area: 'calendar', access: 'write', handler: (ctx) => createItem(ctx, calendarOf(ctx), validateTimes) },
  ],
  [
    'GET',
    'users/:user/events/:id',
    {
      area: 'calendar',
      access: 'read',
      handler: (ctx) => {
        const calendar = calendarOf(ctx);
        return json(render(ctx, calendar, findItem(calendar, ctx.params['id']!)));
      },
    },
  ],
  [
    'PATCH',
    'users/:user/events/:id',
    {
      area: 'calendar',
      access: 'write',
      handler: (ctx) => {
        const calendar = calendarOf(ctx);
        return updateItem(ctx, calendar, findItem(calendar, ctx.params['id']!), validateTimes);
      },
    },
  ],
  [
    'DELETE',
    'users/:user/events/:id',
    {
      area: 'calendar',
      access: 'write',
      handler: (ctx) => {
        const calendar = calendarOf(ctx);
        return deleteItem(calendar, findItem(calendar, ctx.params['id']!));
      },
    },
  ],
];
