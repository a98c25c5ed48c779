import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RedisGraphHolds } from './graph-holds.ts';

let redis: Redis;
let other: Redis;
beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
  other = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await Promise.all([redis.quit(), other.quit()]);
});

describe('Retry-After holds shared over Redis', () => {
  it('shows a hold set by one process to another until it runs out, a shorter one never cutting it', async () => {
    const mailbox = `tenant:app:${randomUUID()}@contoso.example`;
    const mine = new RedisGraphHolds(redis);
    const theirs = new RedisGraphHolds(other);
    expect(await theirs.remainingMs(mailbox)).toBe(0);

    await mine.hold(mailbox, 400);
    const left = await theirs.remainingMs(mailbox);
    expect(left).toBeGreaterThan(300);
    expect(left).toBeLessThanOrEqual(400);

    await theirs.hold(mailbox, 50); // shorter: the 400 ms hold stands
    expect(await mine.remainingMs(mailbox)).toBeGreaterThan(250);
    await theirs.hold(mailbox, 2000); // longer: it replaces it
    expect(await mine.remainingMs(mailbox)).toBeGreaterThan(1500);

    await mine.hold(`${mailbox}-other`, 100);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await theirs.remainingMs(`${mailbox}-other`)).toBe(0);
  });
});
