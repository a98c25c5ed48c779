import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { newOrganisation, newUser } from '@mailroom/domain/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../testing/api-harness.ts';
import type { TestClient } from '../testing/graphql-client.ts';

let api: ApiHarness;
let seller: TestClient;
const logs: string[] = [];

beforeAll(async () => {
  api = await startApi({
    logTo: new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  const organisation = await newOrganisation(api.server.dataSource);
  const user = await newUser(api.server.dataSource, organisation, { displayName: 'Sam Seller', password: 'pw' });
  seller = await api.client.signIn(user.primaryEmail, 'pw');
});
afterAll(() => api.stop());

describe('API keys', () => {
  it('creates a key shown once, which then calls the API as its user until revoked', async () => {
    const created = await seller.request(
      'mutation { createApiKey(name: "Nightly export") { secret apiKey { id name prefix revokedAt } } }',
    );
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data!.createApiKey;
    expect(secret).toMatch(/^mrk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'Nightly export', prefix: secret.slice(0, 12), revokedAt: null });

    const asKey = api.client.withToken(secret);
    expect((await asKey.request('{ me { displayName } }')).data?.me.displayName).toBe('Sam Seller');
    // Keys do not manage keys.
    expect(
      (await asKey.request('mutation { createApiKey(name: "more") { secret } }')).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    // Stored as a hash only; listed without the secret.
    const [row] = await api.server.dataSource.query(`SELECT "keyHash" FROM api_key WHERE id = $1`, [apiKey.id]);
    expect(row.keyHash).toBe(createHash('sha256').update(secret).digest('hex'));
    const listed = await seller.request('{ apiKeys { id name prefix lastUsedAt } }');
    expect(JSON.stringify(listed.data)).not.toContain(secret);
    expect(listed.data?.apiKeys[0].lastUsedAt).not.toBeNull();

    expect((await seller.request('mutation($id: ID!) { revokeApiKey(id: $id) }', { id: apiKey.id })).data).toEqual({
      revokeApiKey: true,
    });
    const refused = await asKey.request('{ me { displayName } }');
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // The API logged every one of these calls (at trace level), and never the key.
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('')).not.toContain(secret);
    expect(logs.join('')).not.toContain(secret.slice(4));
  });

  it('refuses an unnamed key with a message saying what to do', async () => {
    const empty = await seller.request('mutation { createApiKey(name: "  ") { secret } }');
    expect(empty.errors?.[0]).toMatchObject({
      message: 'Name the key in 1 to 100 characters.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
