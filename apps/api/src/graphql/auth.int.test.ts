import { newOrganisation, newUser } from '@mailroom/domain/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../testing/api-harness.ts';

let api: ApiHarness;
let dataSource: DataSource;
let email: string;

beforeAll(async () => {
  api = await startApi();
  dataSource = api.server.dataSource;
  const organisation = await newOrganisation(dataSource);
  const user = await newUser(dataSource, organisation, { password: 'right password', roles: ['SALESPERSON'] });
  email = user.primaryEmail;
});
afterAll(() => api.stop());

const SIGN_IN =
  'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token user { primaryEmail roles } } }';

describe('signIn', () => {
  it('returns a bearer token that identifies the user in `me`', async () => {
    const result = await api.client.request(SIGN_IN, { email: email.toUpperCase(), password: 'right password' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.signIn.user).toEqual({ primaryEmail: email, roles: ['SALESPERSON'] });
    const me = await api.client
      .withToken(result.data?.signIn.token)
      .request('{ me { primaryEmail organisation { name } } }');
    expect(me.data?.me.primaryEmail).toBe(email);
  });

  it('rejects a wrong password and an unknown email alike', async () => {
    const wrongPassword = await api.client.request(SIGN_IN, { email, password: 'wrong' });
    const unknownEmail = await api.client.request(SIGN_IN, { email: 'nobody@nowhere.example', password: 'wrong' });
    for (const result of [wrongPassword, unknownEmail]) {
      expect(result.data).toBeNull();
      expect(result.errors?.[0]).toMatchObject({
        message: 'The email or password is not right.',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
  });

  it('takes about the same time whether or not the email exists', async () => {
    const time = async (address: string) => {
      const started = performance.now();
      await api.client.request(SIGN_IN, { email: address, password: 'wrong' });
      return performance.now() - started;
    };
    await time(email); // warm-up
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(email));
      unknown.push(await time(`nobody-${i}@nowhere.example`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Both verify one scrypt hash; without that an unknown email would answer many times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('ends the session on signOut', async () => {
    const client = await api.client.signIn(email, 'right password');
    expect((await client.request('mutation { signOut }')).data).toEqual({ signOut: true });
    const after = await client.request('{ me { id } }');
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('requests without a valid token', () => {
  it('are UNAUTHENTICATED, with a message and no stack trace', async () => {
    for (const client of [api.client, api.client.withToken('mrs_not-a-real-token')]) {
      const result = await client.request('{ mailboxes { totalCount } }');
      expect(result.data).toBeNull();
      expect(result.errors).toEqual([
        {
          message: 'Sign in to do this.',
          path: ['mailboxes'],
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ]);
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.ts:/i);
    }
  });
});

describe('health', () => {
  it('answers /healthz and reports ready on /readyz when Postgres, Redis and migrations are', async () => {
    expect((await fetch(`${api.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${api.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', postgres: 'ok', redis: 'ok', migrations: 'ok' });
  });
});
