import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { QUEUE_PREFIX } from './queue-contracts.ts';
import { RedisSyncHealthCounters } from './sync-health-counters.ts';

let redis: Redis;

beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await redis.quit();
});

const MINUTE = 60_000;

describe('sync-health counters', () => {
  it('count per organisation and minute, written in one batch that expires after 25 hours', async () => {
    const organisation = randomUUID();
    const other = randomUUID();
    // A long interval: nothing reaches Redis until the explicit flush.
    const counters = new RedisSyncHealthCounters(redis, { flushMs: 60_000 });
    const base = Math.floor(Date.now() / MINUTE) - 3;
    counters.count(organisation, 'throttled', base * MINUTE);
    counters.count(organisation, 'throttled', base * MINUTE + 59_000);
    counters.count(organisation, 'throttled', (base + 2) * MINUTE);
    counters.count(organisation, 'failures', (base + 2) * MINUTE);
    counters.count(other, 'throttled', base * MINUTE);
    expect(await counters.perMinute(organisation, 'throttled', base, 3)).toEqual([0, 0, 0]);

    await counters.flush();
    expect(await counters.perMinute(organisation, 'throttled', base, 4)).toEqual([2, 0, 1, 0]);
    expect(await counters.perMinute(organisation, 'failures', base, 4)).toEqual([0, 0, 1, 0]);
    expect(await counters.perMinute(other, 'throttled', base, 1)).toEqual([1]);
    const ttl = await redis.ttl(`${QUEUE_PREFIX}:health:${organisation}:throttled:${base}`);
    expect(ttl).toBeGreaterThan(24 * 3600);
    expect(ttl).toBeLessThanOrEqual(25 * 3600);

    // Later counts add to what is there (another worker's, or this one's earlier batch).
    counters.count(organisation, 'throttled', base * MINUTE);
    await counters.close();
    expect(await counters.perMinute(organisation, 'throttled', base, 1)).toEqual([3]);
  });

  it('write by themselves shortly after counting', async () => {
    const organisation = randomUUID();
    const counters = new RedisSyncHealthCounters(redis, { flushMs: 50 });
    const minute = Math.floor(Date.now() / MINUTE);
    counters.count(organisation, 'failures', minute * MINUTE);
    await expect.poll(() => counters.perMinute(organisation, 'failures', minute, 1), { timeout: 5_000 }).toEqual([1]);
    await counters.close();
  });

  it('never throw when Redis is gone: the counts are reported lost', async () => {
    const gone = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 0, lazyConnect: true });
    gone.disconnect();
    const errors: unknown[] = [];
    const counters = new RedisSyncHealthCounters(gone, { flushMs: 60_000, onError: (error) => errors.push(error) });
    counters.count(randomUUID(), 'throttled');
    await expect(counters.close()).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});
