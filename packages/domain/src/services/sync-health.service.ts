import type { DataSource } from 'typeorm';
import { DomainError } from '../errors.ts';
import { isAdministrator, type Principal } from '../principal.ts';

/** What workers count per organisation and minute, outside Postgres (Redis in production). */
export type SyncHealthCounter = 'failures' | 'throttled';

/** The per-minute counts workers keep; `minute` is minutes since the epoch (UTC). */
export interface SyncHealthCounts {
  /** Counts of `minutes` consecutive minutes from `fromMinute`, oldest first (0 where none). */
  perMinute(
    organisationId: string,
    counter: SyncHealthCounter,
    fromMinute: number,
    minutes: number,
  ): Promise<readonly number[]>;
}

/** Jobs per queue and state (`JobQueues.counts()`). */
export type QueueCounts = () => Promise<Record<string, Record<string, number>>>;

export interface SyncHealthMinute {
  /** The minute's start. */
  at: Date;
  /** Email copies ingested from mailboxes of the organisation. */
  emailsSynced: number;
  /** Sync runs that failed. */
  failures: number;
  /** Requests Exchange answered 429. */
  throttled: number;
}

export interface QueueDepth {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface LaggingMailbox {
  id: string;
  emailAddress: string;
  /** Last successful sync; null if it never synced (the lag then counts from when it was last changed). */
  lastSyncAt: Date | null;
  lagSeconds: number;
  consecutiveFailures: number;
}

export interface SyncHealth {
  windowMinutes: number;
  minutes: SyncHealthMinute[];
  queues: QueueDepth[];
  slowestMailboxes: LaggingMailbox[];
}

/** The longest window the dashboard reads; workers keep their counters this long (and a little more). */
export const SYNC_HEALTH_MAX_WINDOW_MINUTES = 24 * 60;
const SLOWEST_MAILBOXES = 10;

// Mailboxes synced by Mailroom and processing, with how long since their last successful sync
// (since the row last changed, e.g. it was enabled, when it never synced). Shared by the
// dashboard and the API's Prometheus gauges so both tell the same lag.
const LAGS = `SELECT id, "organisationId", "emailAddress", "lastSyncSuccessAt", "consecutiveFailures",
                     EXTRACT(EPOCH FROM now() - COALESCE("lastSyncSuccessAt", "updatedAt"))::float8 AS lag
                FROM mailbox
               WHERE "incomingMethod" = 'SERVER_SIDE_SYNC' AND "enabledForIncoming" AND "processingState" = 'ACTIVE'`;

/** Sync lag over every organisation's enabled mailboxes, in seconds; null when none is enabled. */
export async function syncLagQuantiles(
  dataSource: DataSource,
): Promise<{ p50: number; p95: number; max: number } | null> {
  const [row] = (await dataSource.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY lag) AS p95, max(lag) AS max
       FROM (${LAGS}) l`,
  )) as { p50: number | null; p95: number | null; max: number | null }[];
  if (!row || row.max === null) return null;
  return { p50: Number(row.p50), p95: Number(row.p95), max: Number(row.max) };
}

/** The enabled mailboxes most behind, most behind first: of one organisation, or of all when null. */
export async function mostBehindMailboxes(
  dataSource: DataSource,
  organisationId: string | null,
  limit: number,
): Promise<LaggingMailbox[]> {
  const rows = (await dataSource.query(
    `${LAGS} AND ($1::uuid IS NULL OR "organisationId" = $1) ORDER BY lag DESC, id LIMIT $2`,
    [organisationId, limit],
  )) as {
    id: string;
    emailAddress: string;
    lastSyncSuccessAt: Date | null;
    consecutiveFailures: number;
    lag: number;
  }[];
  return rows.map((row) => ({
    id: row.id,
    emailAddress: row.emailAddress,
    lastSyncAt: row.lastSyncSuccessAt,
    lagSeconds: Math.max(0, Number(row.lag)),
    consecutiveFailures: row.consecutiveFailures,
  }));
}

/**
 * The administrators' sync-health dashboard: per minute over a window, email copies ingested
 * (Postgres), failed syncs and 429s (counted by workers); queue depths; the mailboxes most behind.
 * Everything but the queue depths (queues are shared by every organisation) is the caller's
 * organisation's only.
 */
export class SyncHealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly counts: SyncHealthCounts,
    private readonly queueCounts: QueueCounts,
  ) {}

  async health(principal: Principal, windowMinutes: number, now = new Date()): Promise<SyncHealth> {
    if (!isAdministrator(principal)) {
      throw new DomainError('FORBIDDEN', 'Only administrators may see sync health.');
    }
    if (!Number.isInteger(windowMinutes) || windowMinutes < 1 || windowMinutes > SYNC_HEALTH_MAX_WINDOW_MINUTES) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `The window must be 1 to ${SYNC_HEALTH_MAX_WINDOW_MINUTES} minutes (${SYNC_HEALTH_MAX_WINDOW_MINUTES / 60} hours).`,
      );
    }
    const organisationId = principal.organisationId;
    // The window ends with the current minute, so the newest bar fills as the minute goes on.
    const fromMinute = Math.floor(now.getTime() / 60_000) - windowMinutes + 1;
    const [synced, failures, throttled, queues, slowestMailboxes] = await Promise.all([
      this.emailsSyncedPerMinute(organisationId, fromMinute, windowMinutes),
      this.counts.perMinute(organisationId, 'failures', fromMinute, windowMinutes),
      this.counts.perMinute(organisationId, 'throttled', fromMinute, windowMinutes),
      this.queueCounts(),
      mostBehindMailboxes(this.dataSource, organisationId, SLOWEST_MAILBOXES),
    ]);
    return {
      windowMinutes,
      minutes: Array.from({ length: windowMinutes }, (_, i) => ({
        at: new Date((fromMinute + i) * 60_000),
        emailsSynced: synced[i] ?? 0,
        failures: failures[i] ?? 0,
        throttled: throttled[i] ?? 0,
      })),
      queues: Object.entries(queues)
        .map(([queue, states]) => ({
          queue,
          // Prioritized jobs wait too, in another list.
          waiting: (states['waiting'] ?? 0) + (states['prioritized'] ?? 0),
          active: states['active'] ?? 0,
          delayed: states['delayed'] ?? 0,
          failed: states['failed'] ?? 0,
        }))
        .sort((a, b) => a.queue.localeCompare(b.queue)),
      slowestMailboxes,
    };
  }

  private async emailsSyncedPerMinute(organisationId: string, fromMinute: number, minutes: number): Promise<number[]> {
    // email_copy."createdAt" is when the copy was ingested; a BRIN index on it keeps this to the
    // window's pages at no cost to ingest.
    const rows = (await this.dataSource.query(
      `SELECT (floor(EXTRACT(EPOCH FROM "createdAt") / 60) - $2)::int AS slot, count(*)::int AS n
         FROM email_copy
        WHERE "organisationId" = $1 AND "createdAt" >= to_timestamp($2 * 60) AND "createdAt" < to_timestamp(($2 + $3) * 60)
        GROUP BY 1`,
      [organisationId, fromMinute, minutes],
    )) as { slot: number; n: number }[];
    const counts = new Array<number>(minutes).fill(0);
    for (const row of rows) if (row.slot >= 0 && row.slot < minutes) counts[row.slot] = row.n;
    return counts;
  }
}

/** The organisation of a mailbox, or null when it is gone: a failed sync is counted against it. */
export async function organisationOfMailbox(dataSource: DataSource, mailboxId: string): Promise<string | null> {
  const [row] = (await dataSource.query(`SELECT "organisationId" FROM mailbox WHERE id = $1`, [mailboxId])) as {
    organisationId: string;
  }[];
  return row?.organisationId ?? null;
}
