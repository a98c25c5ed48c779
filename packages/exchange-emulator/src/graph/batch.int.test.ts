import { BatchRequestContent, BatchResponseContent, type Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_SCOPE, startTestEmulator, type TestEmulator } from '../testing/emulator.fixture.ts';

let t: TestEmulator;
let client: Client;
const PRO = 'sales.pro@contoso.example';

beforeAll(async () => {
  t = await startTestEmulator();
  client = t.graph();
});
afterAll(() => t.stop());

async function rawBatch(body: unknown): Promise<{
  status: number;
  body: {
    responses?: { id: string; status: number; headers: Record<string, string>; body?: { error?: { code: string } } }[];
    error?: { message: string };
  };
}> {
  const token = (await t.msal().acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] }))!.accessToken;
  const response = await fetch(`${t.url}/v1.0/$batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as never };
}

describe('JSON batching', () => {
  it('runs the SDK BatchRequestContent (version-prefixed URLs, JSON bodies) and accepts `x` and `/x` step URLs', async () => {
    const batch = new BatchRequestContent([
      { id: '1', request: new Request(`${t.url}/v1.0/users/${PRO}/mailFolders/inbox`, { method: 'GET' }) },
      {
        id: '2',
        request: new Request(`${t.url}/v1.0/users/${PRO}/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ subject: 'From a batch' }),
        }),
      },
    ]);
    const content = await batch.getContent();
    expect(content.requests[0]!.url).toBe(`/v1.0/users/${PRO}/mailFolders/inbox`);
    const response = new BatchResponseContent(await client.api('/$batch').post(content));
    expect(((await response.getResponseById('1').json()) as { displayName: string }).displayName).toBe('Inbox');
    expect(response.getResponseById('2').status).toBe(201);

    const plain = await rawBatch({
      requests: [
        { id: 'a', method: 'GET', url: `users/${PRO}` },
        { id: 'b', method: 'GET', url: `/users/${PRO}/mailFolders/drafts` },
      ],
    });
    expect(plain.body.responses!.map((r) => [r.id, r.status]).sort()).toEqual([
      ['a', 200],
      ['b', 200],
    ]);
  });

  it('answers 400 above 20 steps, for repeated ids, and for a body without Content-Type', async () => {
    const many = await rawBatch({
      requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/users' })),
    });
    expect(many.status).toBe(400);
    expect(many.body.error!.message).toBe('Number of requests inside batch exceeds the limit.');
    expect(
      (
        await rawBatch({
          requests: [
            { id: '1', method: 'GET', url: '/users' },
            { id: '1', method: 'GET', url: '/users' },
          ],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await rawBatch({
          requests: [{ id: '1', method: 'POST', url: `/users/${PRO}/messages`, body: { subject: 'x' } }],
        })
      ).status,
    ).toBe(400);
  });

  it('answers 424 to dependents of a failed step, and 429 per step with its own Retry-After', async () => {
    const dependent = await rawBatch({
      requests: [
        { id: '1', method: 'GET', url: `/users/${PRO}/messages/AAMkAGIAAAAAAAAAAAAAAAAAAAAAAAAA=` },
        { id: '2', method: 'GET', url: `/users/${PRO}/mailFolders/inbox`, dependsOn: ['1'] },
      ],
    });
    const byId = new Map(dependent.body.responses!.map((r) => [r.id, r]));
    expect(byId.get('1')!.status).toBe(404);
    expect(byId.get('2')!.status).toBe(424);

    await t.control('POST', 'faults', {
      kind: 'throttle',
      upn: 'sales.manager@contoso.example',
      count: 1,
      retryAfter: 2,
    });
    const throttled = await rawBatch({
      requests: [
        { id: 'm', method: 'GET', url: '/users/sales.manager@contoso.example/mailFolders/inbox' },
        { id: 'p', method: 'GET', url: `/users/${PRO}/mailFolders/inbox` },
      ],
    });
    expect(throttled.status).toBe(200);
    const items = new Map(throttled.body.responses!.map((r) => [r.id, r]));
    expect(items.get('m')!.status).toBe(429);
    expect(items.get('m')!.headers['Retry-After']).toBe('2');
    expect(items.get('p')!.status).toBe(200);
    await t.control('DELETE', 'faults');
  });
});
