import type { Translate } from '../../shared/i18n';
import type { syncHealthText } from './sync-health.strings';

type SyncHealthTranslate = Translate<typeof syncHealthText.en>;

/** The worker queues the console names (`queue.*` in the bundle); another queue shows as it is called. */
export const NAMED_QUEUES = ['admin', 'tests', 'sync', 'send', 'maintenance'] as const;

/** A queue in the console's words. */
export function queueLabel(queue: string, t: SyncHealthTranslate): string {
  return (NAMED_QUEUES as readonly string[]).includes(queue)
    ? t(`queue.${queue as (typeof NAMED_QUEUES)[number]}`)
    : queue;
}

/** The windows the dashboard offers, in minutes (named by `window.*` and `windowPhrase.*` in the bundle). */
export const WINDOWS = [15, 60, 360, 1440] as const;
export type WindowMinutes = (typeof WINDOWS)[number];

/** How long a mailbox has gone without a successful sync, e.g. "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatLag(seconds: number, t: SyncHealthTranslate): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return t('lag.seconds', { s });
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return t('lag.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24)
    return minutes % 60 === 0 ? t('lag.hours', { h: hours }) : t('lag.hoursMinutes', { h: hours, m: minutes % 60 });
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? t('lag.days', { d: days }) : t('lag.daysHours', { d: days, h: hours % 24 });
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
