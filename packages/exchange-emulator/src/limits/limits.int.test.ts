import {
  type GraphError,
  MiddlewareFactory,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_SCOPE, startTestEmulator, type TestEmulator } from '../testing/emulator.fixture.ts';

let t: TestEmulator;
const PRO = 'sales.pro@contoso.example';

interface Counters {
  mailbox: string;
  requests: number;
  throttled: number;
  retryAfterViolations: number;
  concurrencyViolations: number;
}

beforeAll(async () => {
  t = await startTestEmulator({ scenario: 'demo' });
});
afterAll(() => t.stop());
afterEach(async () => {
  await t.control('DELETE', 'faults');
});

async function countersFor(upn: string): Promise<Counters> {
  const state = await t.control<{ throttling: { perMailbox: Counters[] } }>('GET', 'state');
  return state.body.throttling.perMailbox.find((c) => c.mailbox === upn)!;
}

describe('Exchange limits', () => {
  it('answers 429 ApplicationThrottled with Retry-After to calls over the concurrency limit of 4, and counts the violations', async () => {
    // Slow requests keep four in flight while the others arrive.
    await t.control('POST', 'faults', { kind: 'latency', upn: PRO, ms: 300 });
    const token = (await t.msal().acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] }))!.accessToken;
    const before = await countersFor(PRO).catch(() => undefined);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${t.url}/v1.0/users/${PRO}/mailFolders/inbox`, { headers: { authorization: `Bearer ${token}` } }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(4);
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(4);
    expect(throttled[0]!.headers.get('retry-after')).toBe('1');
    expect(await throttled[0]!.json()).toMatchObject({
      error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' },
    });
    const after = await countersFor(PRO);
    expect(after.requests - (before?.requests ?? 0)).toBe(8);
    expect(
      after.concurrencyViolations +
        after.retryAfterViolations -
        (before ? before.concurrencyViolations + before.retryAfterViolations : 0),
    ).toBe(4);

    // Inside the Retry-After window another call is refused and counted; after it, calls pass.
    await t.control('DELETE', 'faults');
    // Past the grace for requests already on their way, still inside Retry-After.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const early = await fetch(`${t.url}/v1.0/users/${PRO}/mailFolders/inbox`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(early.status).toBe(429);
    expect((await countersFor(PRO)).retryAfterViolations).toBeGreaterThan(after.retryAfterViolations);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(
      (await fetch(`${t.url}/v1.0/users/${PRO}/mailFolders/inbox`, { headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(200);
  });

  it('lets the SDK RetryHandler ride out injected throttling (N times then OK) without violations', async () => {
    const manager = 'sales.manager@contoso.example';
    await t.control('POST', 'faults', { kind: 'throttle', upn: manager, count: 2 });
    const app = t.msal();
    const authProvider = {
      getAccessToken: async () => (await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] }))!.accessToken,
    };
    const middleware = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
    middleware[1] = new RetryHandler(new RetryHandlerOptions(1, 3));
    const client = t.graph(app, { authProvider: undefined, middleware });
    const started = Date.now();
    const inbox = await client.api(`/users/${manager}/mailFolders/inbox`).get();
    expect(inbox.displayName).toBe('Inbox');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    const counters = await countersFor(manager);
    expect(counters).toMatchObject({ throttled: 2, retryAfterViolations: 0, concurrencyViolations: 0 });
  });

  it('injects 503 with Retry-After, and the SDK surfaces it when retries run out', async () => {
    await t.control('POST', 'faults', { kind: 'error5xx', upn: 'admin@contoso.example', retryAfter: 0 });
    const error = (await t
      .graph()
      .api('/users/admin@contoso.example/mailFolders/inbox')
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect([error.statusCode, error.code]).toEqual([503, 'serviceNotAvailable']);
    expect(error.headers?.get('retry-after')).toBe('0');
  });

  it('revokes tokens with expireTokens: 401 until the client gets a new token', async () => {
    const app = t.msal();
    const client = t.graph(app);
    await client.api(`/users/${PRO}/mailFolders/inbox`).get();
    await t.control('POST', 'faults', { kind: 'expireTokens' });
    const error = (await client
      .api(`/users/${PRO}/mailFolders/inbox`)
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect([error.statusCode, error.code, error.message]).toEqual([
      401,
      'InvalidAuthenticationToken',
      'Access token has expired or is not yet valid.',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const renewed = (await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE], skipCache: true }))!;
    expect(renewed.fromCache).toBe(false);
    const fresh = t.graph(app);
    expect((await fresh.api(`/users/${PRO}/mailFolders/inbox`).get()).displayName).toBe('Inbox');
  });

  it('expires tokens at their exp', async () => {
    const short = await startTestEmulator({ tokenLifetimeSeconds: 1 });
    try {
      const app = short.msal();
      const token = (await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] }))!.accessToken;
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const response = await fetch(`${short.url}/v1.0/users`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        error: { message: 'Access token has expired or is not yet valid.' },
      });
    } finally {
      await short.stop();
    }
  });

  it('throttles on the request rate per (app, mailbox)', async () => {
    const small = await startTestEmulator({ mailboxRequestsPerWindow: 5, rateWindowSeconds: 60 });
    try {
      const token = (await small.msal().acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] }))!.accessToken;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (
            await fetch(`${small.url}/v1.0/users/${PRO}/mailFolders/inbox`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).status,
        );
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(
        (
          await fetch(`${small.url}/v1.0/users/sales.manager@contoso.example/mailFolders/inbox`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).status,
      ).toBe(200);
    } finally {
      await small.stop();
    }
  });
});
