import type { RedisConnection } from './redis-connection.ts';
import { QUEUE_PREFIX } from './queue-contracts.ts';

/** Counts one more failure in a fixed window; returns the count and the window's remaining time. */
const COUNT_FAILURE = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`;

export interface SignInLimits {
  /** Failed sign-ins per address per window. */
  perAddress: number;
  /** Failed sign-ins per client address (IP) per window: many addresses tried from one place. */
  perClient: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAddress: 10, perClient: 200, windowMs: 15 * 60_000 };

/**
 * Failed sign-ins counted in Redis (shared by every API replica): past a limit, sign-in for that
 * address, or from that client, is refused until the window ends, even with the right password.
 */
export class RedisSignInThrottle {
  constructor(
    private readonly redis: RedisConnection,
    private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
  ) {}

  private keys(email: string, client: string | null) {
    const address = `${QUEUE_PREFIX}:sign-in:address:${email.trim().toLowerCase()}`;
    return { address, client: client === null ? null : `${QUEUE_PREFIX}:sign-in:client:${client}` };
  }

  /** Milliseconds to wait before trying again, or 0 when sign-in may be tried now. */
  async blockedFor(email: string, client: string | null): Promise<number> {
    const keys = this.keys(email, client);
    const pipeline = this.redis.multi().get(keys.address).pttl(keys.address);
    if (keys.client) pipeline.get(keys.client).pttl(keys.client);
    const results = ((await pipeline.exec()) ?? []).map(([, value]) => value);
    const [addressCount, addressTtl, clientCount, clientTtl] = results as [
      string | null,
      number,
      string | null | undefined,
      number | undefined,
    ];
    let wait = 0;
    if (Number(addressCount ?? 0) >= this.limits.perAddress) wait = Math.max(wait, addressTtl);
    if (Number(clientCount ?? 0) >= this.limits.perClient) wait = Math.max(wait, clientTtl ?? 0);
    return wait;
  }

  async failed(email: string, client: string | null): Promise<void> {
    const keys = this.keys(email, client);
    await this.redis.eval(COUNT_FAILURE, 1, keys.address, this.limits.windowMs);
    if (keys.client) await this.redis.eval(COUNT_FAILURE, 1, keys.client, this.limits.windowMs);
  }

  /** A successful sign-in clears the address's failures (not the client's). */
  async succeeded(email: string): Promise<void> {
    await this.redis.del(this.keys(email, null).address);
  }
}
