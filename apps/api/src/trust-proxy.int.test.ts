import { randomInt } from 'node:crypto';
import { QUEUE_PREFIX } from '@mailroom/queues';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startApi, type ApiHarness } from './testing/api-harness.ts';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';

let direct: ApiHarness;
let behindProxy: ApiHarness;
let redis: Redis;

beforeAll(async () => {
  [direct, behindProxy] = await Promise.all([startApi(), startApi({ env: { API_TRUST_PROXY: 'loopback' } })]);
  redis = new Redis(inject('redisUrl'));
});
afterAll(async () => {
  await Promise.all([direct.stop(), behindProxy.stop(), redis.quit()]);
});

/** A failed sign-in that claims to come from `forwardedFor`, and what the per-client limit counted for it. */
async function failedSignInFrom(api: ApiHarness, forwardedFor: string): Promise<string | null> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ query: SIGN_IN, variables: { e: `nobody-${randomInt(1e9)}@example.test`, p: 'wrong' } }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  return redis.get(`${QUEUE_PREFIX}:sign-in:client:${forwardedFor}`);
}

// Documentation addresses (RFC 5737), a fresh one per test so runs never share a counter.
const someClient = () => `203.0.113.${randomInt(1, 255)}`;

describe('API_TRUST_PROXY', () => {
  it('counts failed sign-ins against the client a trusted proxy names', async () => {
    expect(await failedSignInFrom(behindProxy, someClient())).toBe('1');
  });

  it('ignores X-Forwarded-For by default, so a client cannot pick the address its failures count against', async () => {
    expect(await failedSignInFrom(direct, someClient())).toBeNull();
  });
});
