import { newOrganisation, newUser } from '@mailroom/domain/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../query-limits.ts';
import { startApi, type ApiHarness } from '../testing/api-harness.ts';
import type { TestClient } from '../testing/graphql-client.ts';

let api: ApiHarness;
let user: TestClient;

beforeAll(async () => {
  api = await startApi();
  const organisation = await newOrganisation(api.server.dataSource);
  const created = await newUser(api.server.dataSource, organisation, { password: 'pw' });
  user = await api.client.signIn(created.primaryEmail, 'pw');
});
afterAll(() => api.stop());

/** `me { manager { manager { … id } } }`, `levels` deep. */
const deep = (levels: number) => `{ me { ${'manager { '.repeat(levels - 2)}id${' }'.repeat(levels - 2)} } }`;

describe('request limits', () => {
  it('refuses a query nested deeper than the limit, over HTTP and the websocket, and runs one within it', async () => {
    const allowed = await user.request(deep(QUERY_LIMITS.depth));
    expect(allowed.errors).toBeUndefined();
    const refused = await user.request(deep(QUERY_LIMITS.depth + 2));
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors?.[0]?.message).toMatch(/depth limit of 12/);

    const overSocket = await user.subscribe(
      `subscription { notificationReceived { id ${'user { manager { '.repeat(6)}id${' } }'.repeat(6)} } }`,
      {},
      (events) => events.length > 0,
      5_000,
    ).events;
    expect(overSocket[0]?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.aliases + 5 }, (_, i) => `a${i}: me { id }`).join(' ');
    const refused = await user.request(`{ ${aliases} }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses text with a NUL character, which no field can store, saying so', async () => {
    const refused = await user.request('mutation($n: String!) { createAccount(input: { name: $n }) { id } }', {
      n: 'Fabrikam\u0000',
    });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Text cannot contain the NUL character (U+0000). Remove it and try again.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('answers a body over 1 MB or malformed JSON with a short JSON error, not a page', async () => {
    const big = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({
      errors: [{ message: 'The request is too large (at most 1 MB).', extensions: { code: 'BAD_REQUEST' } }],
    });
    const malformed = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(text).not.toMatch(/at \w+ \(|node_modules/);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('sign-in limits', () => {
  it('refuses an address after 10 failed sign-ins, even with the right password, and leaves others alone', async () => {
    const organisation = await newOrganisation(api.server.dataSource);
    const target = await newUser(api.server.dataSource, organisation, { password: 'right' });
    const bystander = await newUser(api.server.dataSource, organisation, { password: 'right' });
    const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';
    for (let attempt = 1; attempt <= 10; attempt++) {
      const wrong = await api.client.request(SIGN_IN, { e: target.primaryEmail, p: `guess-${attempt}` });
      expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await api.client.request(SIGN_IN, { e: target.primaryEmail, p: 'right' });
    expect(blocked.errors?.[0]).toMatchObject({
      message: 'Too many failed sign-ins. Try again in 15 minutes.',
      extensions: { code: 'RATE_LIMITED' },
    });
    expect(
      (await api.client.request(SIGN_IN, { e: bystander.primaryEmail, p: 'right' })).data?.signIn.token,
    ).toBeTruthy();
  });
});
