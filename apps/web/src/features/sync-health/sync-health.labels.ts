/** What each worker queue carries, in the console's words. */
export const QUEUE_LABELS: Record<string, string> = {
  admin: 'Administration (Configure email, directory import)',
  tests: 'Mailbox tests (Approve and test)',
  sync: 'Synchronisation (email, appointments, contacts, tasks)',
  send: 'Outgoing email',
  maintenance: 'Maintenance (polling sweep)',
};

/** The windows the dashboard offers, in minutes. */
export const WINDOWS = [
  { minutes: 15, label: 'Last 15 minutes' },
  { minutes: 60, label: 'Last hour' },
  { minutes: 360, label: 'Last 6 hours' },
  { minutes: 1440, label: 'Last 24 hours' },
] as const;

/** How long a mailbox has gone without a successful sync, e.g. "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatLag(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** A minute's start in the reader's time zone, e.g. "14:05". */
export function formatMinute(iso: string): string {
  return TIME.format(new Date(iso));
}

/** Totals over the window. */
export function totalsOf(minutes: readonly { emailsSynced: number; failures: number; throttled: number }[]) {
  return minutes.reduce(
    (sum, minute) => ({
      emailsSynced: sum.emailsSynced + minute.emailsSynced,
      failures: sum.failures + minute.failures,
      throttled: sum.throttled + minute.throttled,
    }),
    { emailsSynced: 0, failures: 0, throttled: 0 },
  );
}
