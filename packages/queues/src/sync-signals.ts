import { randomBytes } from 'node:crypto';
import type { RedisConnection } from './redis-connection.ts';
import type { JobQueues } from './job-queues.ts';
import { QUEUE_PREFIX } from './queue-contracts.ts';

const dirtyKey = (mailboxId: string) => `${QUEUE_PREFIX}:sync:dirty:${mailboxId}`;
const queuedKey = (mailboxId: string) => `${QUEUE_PREFIX}:sync:queued:${mailboxId}`;

/** A queued marker outlives a lost job only this long; then wake-ups enqueue again. */
const QUEUED_TTL_SECONDS = 120;

/**
 * Wake-ups of mailbox syncs over Redis. A wake-up sets the mailbox's dirty flag and enqueues a
 * sync unless one is already queued; a running sync clears the flag before each round and runs
 * again while it finds it set, so a notification that arrives mid-sync is never lost.
 */
export class RedisSyncSignals {
  constructor(
    private readonly redis: RedisConnection,
    private readonly queues: JobQueues,
  ) {}

  async wake(mailboxIds: readonly string[]): Promise<void> {
    if (mailboxIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const id of mailboxIds) {
      pipeline.set(dirtyKey(id), '1', 'EX', 3600);
      pipeline.set(queuedKey(id), '1', 'EX', QUEUED_TTL_SECONDS, 'NX');
    }
    const results = (await pipeline.exec()) ?? [];
    const toQueue = mailboxIds.filter((_, index) => results[index * 2 + 1]?.[1] === 'OK');
    if (toQueue.length === 0) return;
    const wakeId = randomBytes(9).toString('base64url');
    await this.queues.enqueueMany(
      'mailbox-sync',
      toQueue.map((mailboxId) => ({ mailboxId, wakeId })),
    );
  }

  /** Called when a sync job starts: later wake-ups enqueue a new job. */
  async dequeued(mailboxId: string): Promise<void> {
    await this.redis.del(queuedKey(mailboxId));
  }

  async takeWakeup(mailboxId: string): Promise<boolean> {
    return (await this.redis.getdel(dirtyKey(mailboxId))) !== null;
  }
}

const SLIDING_WINDOW = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) < limit then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('PEXPIRE', key, window)
  return 0
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

/** Exchange's 30 sends per minute per mailbox, as a sliding window shared by every worker. */
export class RedisSendThrottle {
  constructor(
    private readonly redis: RedisConnection,
    private readonly limit = 30,
    private readonly windowMs = 60_000,
  ) {}

  async acquire(mailboxId: string): Promise<number> {
    const wait = await this.redis.eval(
      SLIDING_WINDOW,
      1,
      `${QUEUE_PREFIX}:send-rate:${mailboxId}`,
      Date.now(),
      this.windowMs,
      this.limit,
      randomBytes(8).toString('hex'),
    );
    return Number(wait);
  }
}
