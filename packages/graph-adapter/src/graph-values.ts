import type { ItemBody } from '@microsoft/microsoft-graph-types';
import { GraphAdapterError, malformedResponse } from './graph-errors.ts';

/** A Graph dateTimeTimeZone in UTC (the adapter reads and writes UTC only) as an ISO instant. */
export function instantOf(
  value: { dateTime?: string | null; timeZone?: string | null } | null | undefined,
): string | null {
  if (!value?.dateTime) return null;
  const zone = value.timeZone ?? 'UTC';
  if (zone !== 'UTC' && zone !== 'Etc/UTC') throw malformedResponse(`a dateTime in time zone ${zone}, not UTC`);
  const parsed = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value.dateTime) ? value.dateTime : `${value.dateTime}Z`);
  if (Number.isNaN(parsed.getTime())) throw malformedResponse(`an unreadable dateTime "${value.dateTime}"`);
  return parsed.toISOString();
}

/** `2026-12-01T09:00:00.000Z` → Graph's `{ dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'UTC' }`. */
export function graphDateTime(instant: string): { dateTime: string; timeZone: string } {
  return { dateTime: `${new Date(instant).toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' };
}

/** An item body as plain text (an HTML body is read as its text). */
export function textOf(body: ItemBody | null | undefined): string {
  const content = body?.content ?? '';
  if (body?.contentType !== 'html') return content;
  return content
    .replace(/<(head|style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** The call's answer, or null when Exchange says the item is gone. */
export async function unlessGone<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GraphAdapterError && error.failure.kind === 'NOT_FOUND') return null;
    throw error;
  }
}
