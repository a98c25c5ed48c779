import { QUEUE_PREFIX } from './queue-contracts.ts';
import type { RedisConnection } from './redis-connection.ts';

/** What workers count for the sync-health dashboard (the domain's `SyncHealthCounter`). */
export type SyncHealthCounterName = 'failures' | 'throttled';

/** Counters outlive the dashboard's longest window (24 hours) by an hour. */
const RETENTION_SECONDS = 25 * 3600;
/** How often a worker writes what it counted: one pipeline per interval, however many events. */
const FLUSH_MS = 2_000;

const keyOf = (organisationId: string, counter: SyncHealthCounterName, minute: number) =>
  // The prefix's hash tag keeps every key on one Cluster slot, so one MGET or pipeline serves them.
  `${QUEUE_PREFIX}:health:${organisationId}:${counter}:${minute}`;

/**
 * Failed syncs and 429s per organisation and minute, in Redis: one key per organisation, counter
 * and minute, expiring after 25 hours. Workers count in memory and write every two seconds in one
 * pipeline, so even a throttling storm costs no round trip per event (and a successful poll none
 * at all); a worker killed between writes loses at most two seconds of counts, which a dashboard
 * can afford. Counting never throws.
 */
export class RedisSyncHealthCounters {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: { flushMs?: number; onError?: (error: unknown) => void } = {},
  ) {}

  /** Counts one event of the organisation now. */
  count(organisationId: string, counter: SyncHealthCounterName, at = Date.now()): void {
    const key = keyOf(organisationId, counter, Math.floor(at / 60_000));
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.options.flushMs ?? FLUSH_MS).unref();
  }

  /** Writes what was counted so far (also called on shutdown). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = this.pending;
      this.pending = new Map();
      const pipeline = this.redis.multi();
      for (const [key, n] of batch) pipeline.incrby(key, n).expire(key, RETENTION_SECONDS);
      try {
        await pipeline.exec();
      } catch (error) {
        this.options.onError?.(error);
      }
    });
    return this.flushing;
  }

  /** Counts of `minutes` consecutive minutes from `fromMinute` (minutes since the epoch), oldest first. */
  async perMinute(
    organisationId: string,
    counter: SyncHealthCounterName,
    fromMinute: number,
    minutes: number,
  ): Promise<number[]> {
    if (minutes <= 0) return [];
    const keys = Array.from({ length: minutes }, (_, i) => keyOf(organisationId, counter, fromMinute + i));
    const values = await this.redis.mget(keys);
    return values.map((value) => (value === null ? 0 : Number(value)));
  }

  /** Writes what is left and stops the timer. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }
}
