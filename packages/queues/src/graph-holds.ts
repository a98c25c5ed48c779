import type { RedisConnection } from './redis-connection.ts';
import { QUEUE_PREFIX } from './queue-contracts.ts';

const holdKey = (key: string) => `${QUEUE_PREFIX}:graph-hold:${key}`;

// Sets the hold only when it outlasts the one already there: a shorter hold never cuts a longer one.
const HOLD_AT_LEAST = `
local left = redis.call('PTTL', KEYS[1])
if left < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1`;

/**
 * Retry-After holds of Graph mailboxes shared by every worker and API process over Redis (the
 * graph adapter's `SharedHolds`): a key per (tenant, app, mailbox) that expires when the hold
 * ends. Only durations cross the wire, so the processes' clocks need not agree.
 */
export class RedisGraphHolds {
  constructor(private readonly redis: RedisConnection) {}

  async remainingMs(key: string): Promise<number> {
    const left = await this.redis.pttl(holdKey(key));
    return left > 0 ? left : 0;
  }

  async hold(key: string, ms: number): Promise<void> {
    await this.redis.eval(HOLD_AT_LEAST, 1, holdKey(key), Math.max(1, Math.ceil(ms)));
  }
}
