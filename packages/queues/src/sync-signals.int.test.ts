import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { JobQueues } from './job-queues.ts';
import { RedisSendThrottle, RedisSyncSignals } from './sync-signals.ts';

let redis: Redis;
const enqueued: string[][] = [];
// Records what would be enqueued, so other test files' workers cannot take the jobs first.
const queues = {
  enqueueMany: async (_name: string, payloads: { mailboxId: string }[]) => {
    enqueued.push(payloads.map((p) => p.mailboxId));
  },
} as unknown as JobQueues;

beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await redis.quit();
});

describe('sync wake-ups', () => {
  it('queue one sync per mailbox however many notifications arrive before it starts', async () => {
    const signals = new RedisSyncSignals(redis, queues);
    const a = randomUUID();
    const b = randomUUID();
    enqueued.length = 0;
    await signals.wake([a, b]);
    await signals.wake([a]);
    await signals.wake([a, b]);
    expect(enqueued).toEqual([[a, b]]);

    // The sync starts: later wake-ups queue again, and the flag tells the running sync to go round once more.
    await signals.dequeued(a);
    expect(await signals.takeWakeup(a)).toBe(true);
    expect(await signals.takeWakeup(a)).toBe(false);
    await signals.wake([a]);
    expect(enqueued).toEqual([[a, b], [a]]);
    expect(await signals.takeWakeup(a)).toBe(true);
  });
});

describe("Exchange's sending limit", () => {
  it('lets 30 sends a minute through per mailbox and says how long the 31st must wait', async () => {
    const throttle = new RedisSendThrottle(redis);
    const mailbox = randomUUID();
    for (let i = 0; i < 30; i += 1) expect(await throttle.acquire(mailbox)).toBe(0);
    const wait = await throttle.acquire(mailbox);
    expect(wait).toBeGreaterThan(55_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    // Another mailbox has its own allowance.
    expect(await throttle.acquire(randomUUID())).toBe(0);
  });

  it('frees a slot once the oldest send leaves the window', async () => {
    const throttle = new RedisSendThrottle(redis, 2, 300);
    const mailbox = randomUUID();
    expect(await throttle.acquire(mailbox)).toBe(0);
    expect(await throttle.acquire(mailbox)).toBe(0);
    expect(await throttle.acquire(mailbox)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await throttle.acquire(mailbox)).toBe(0);
  });
});
