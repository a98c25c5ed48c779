const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An API timestamp in the reader's locale and time zone, e.g. "12 May 2026, 10:02". */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}
