import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../testing/emulator.fixture.ts';

const PRO = 'sales.pro@contoso.example';
let t: TestEmulator;
let client: Client;
let receiver: Server;
let receiverUrl: string;
const received: { path: string; body: { value: Record<string, unknown>[] } }[] = [];
/** How the receiver answers notifications: status to send, and how many more times before acknowledging. */
const behaviour = { failuresLeft: 0 };

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  t = await startTestEmulator({
    scenario: 'demo',
    notifications: { retryInitialDelayMs: 100, ackTimeoutMs: 500, batchWindowMs: 30 },
  });
  client = t.graph();
  receiver = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = await readAll(req);
    const token = url.searchParams.get('validationToken');
    if (token !== null) {
      if (url.pathname === '/refuse') res.writeHead(403).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
      return;
    }
    received.push({ path: url.pathname + url.search, body: JSON.parse(body) as { value: Record<string, unknown>[] } });
    if (behaviour.failuresLeft > 0) {
      behaviour.failuresLeft--;
      res.writeHead(500).end();
      return;
    }
    res.writeHead(202).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://localhost:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

async function until<T>(check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

describe('change notifications', () => {
  it('validates the endpoint, then POSTs created notifications with clientState, keeping the URL query', async () => {
    const subscription = await client.api('/subscriptions').post({
      changeType: 'created,updated,deleted',
      notificationUrl: `${receiverUrl}/hook?tenant=contoso`,
      lifecycleNotificationUrl: `${receiverUrl}/lifecycle`,
      resource: `users/${PRO}/mailFolders('inbox')/messages`,
      expirationDateTime: inAnHour(),
      clientState: 'secret-state',
    });
    expect(subscription).toMatchObject({
      id: expect.any(String),
      changeType: 'created,updated,deleted',
      latestSupportedTlsVersion: 'v1_2',
      includeResourceData: false,
    });

    const delivered = await t.control<{ delivered: { messageId: string }[] }>('POST', `mailboxes/${PRO}/deliver`, {
      from: 'fiona.fabrikam@fabrikam.example',
      subject: 'Ping',
    });
    const messageId = delivered.body.delivered[0]!.messageId;
    const post = await until(() =>
      received.find((r) => r.body.value.some((n) => (n['resourceData'] as { id: string }).id === messageId)),
    );
    expect(post.path).toBe('/hook?tenant=contoso');
    expect(post.body.value[0]).toMatchObject({
      subscriptionId: subscription.id,
      clientState: 'secret-state',
      changeType: 'created',
      tenantId: expect.any(String),
      resource: expect.stringContaining(`/Messages/${messageId}`),
      resourceData: { '@odata.type': '#Microsoft.Graph.Message', id: messageId },
    });

    await t.control('POST', `subscriptions/${subscription.id}/lifecycle`, { event: 'reauthorizationRequired' });
    const lifecycle = await until(() => received.find((r) => r.path === '/lifecycle'));
    expect(lifecycle.body.value[0]).toMatchObject({
      subscriptionId: subscription.id,
      lifecycleEvent: 'reauthorizationRequired',
    });
    await client.api(`/subscriptions/${subscription.id}/reauthorize`).post({});
    const renewed = await client
      .api(`/subscriptions/${subscription.id}`)
      .patch({ expirationDateTime: new Date(Date.now() + 7200_000).toISOString() });
    expect(Date.parse(renewed.expirationDateTime)).toBeGreaterThan(Date.now() + 7000_000);
    await client.api(`/subscriptions/${subscription.id}`).delete();
    expect((await client.api('/subscriptions').get()).value).toEqual([]);
  });

  it('retries a notification that was not acknowledged', async () => {
    const subscription = await client.api('/subscriptions').post({
      changeType: 'created',
      notificationUrl: `${receiverUrl}/retry`,
      resource: 'users/sales.manager@contoso.example/messages',
      expirationDateTime: inAnHour(),
    });
    behaviour.failuresLeft = 2;
    await t.control('POST', 'mailboxes/sales.manager@contoso.example/deliver', {
      from: 'nora@northwind.example',
      subject: 'Retry me',
    });
    await until(() => (received.filter((r) => r.path === '/retry').length >= 3 ? true : undefined));
    const state = await t.control<{ notifications: { postsFailed: number; postsAcknowledged: number } }>(
      'GET',
      'state',
    );
    expect(state.body.notifications.postsFailed).toBeGreaterThanOrEqual(2);
    await client.api(`/subscriptions/${subscription.id}`).delete();
  });

  it('drops and duplicates notifications when faults say so, and counts both', async () => {
    const subscription = await client.api('/subscriptions').post({
      changeType: 'created',
      notificationUrl: `${receiverUrl}/faulty`,
      resource: 'users/sales.manager@contoso.example/messages',
      expirationDateTime: inAnHour(),
    });
    const deliver = (subject: string) =>
      t.control('POST', 'mailboxes/sales.manager@contoso.example/deliver', { from: 'nora@northwind.example', subject });
    const ids = (path: string) =>
      received.filter((r) => r.path === path).flatMap((r) => r.body.value.map((n) => n.resourceData)) as {
        id: string;
      }[];

    await t.control('POST', 'faults', { kind: 'dropNotifications', upn: 'sales.manager@contoso.example', count: 1 });
    await deliver('Never announced');
    await deliver('Announced');
    await until(() => (ids('/faulty').length >= 1 ? true : undefined));
    await t.control('DELETE', 'faults');
    await t.control('POST', 'faults', { kind: 'duplicateNotifications', count: 1 });
    await deliver('Announced twice');
    await until(() => (ids('/faulty').length >= 3 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 400)); // nothing more comes
    const seen = ids('/faulty').map((n) => n.id);
    expect(seen).toHaveLength(3);
    expect(seen[1]).toBe(seen[2]); // the same change, posted again
    const messages = await t.control<{ messages: { id: string; subject: string; folder: string }[] }>(
      'GET',
      'mailboxes/sales.manager@contoso.example/messages',
    );
    const inbox = (subject: string) =>
      messages.body.messages.find((m) => m.subject === subject && m.folder === 'inbox');
    expect(seen).not.toContain(inbox('Never announced')!.id);
    const state = await t.control<{
      notifications: { notificationsMissedByFault: number; notificationsDuplicatedByFault: number };
    }>('GET', 'state');
    expect(state.body.notifications).toMatchObject({
      notificationsMissedByFault: 1,
      notificationsDuplicatedByFault: 1,
    });
    await t.control('DELETE', 'faults');
    await client.api(`/subscriptions/${subscription.id}`).delete();
  });

  it('refuses a subscription whose endpoint fails validation, or whose expiry is beyond the limit', async () => {
    const refused = (await client
      .api('/subscriptions')
      .post({
        changeType: 'created',
        notificationUrl: `${receiverUrl}/refuse`,
        resource: `users/${PRO}/messages`,
        expirationDateTime: inAnHour(),
      })
      .catch((e: unknown) => e)) as GraphError;
    expect([refused.statusCode, refused.code]).toEqual([400, 'InvalidRequest']);
    const tooLong = (await client
      .api('/subscriptions')
      .post({
        changeType: 'created',
        notificationUrl: `${receiverUrl}/hook`,
        resource: `users/${PRO}/messages`,
        expirationDateTime: new Date(Date.now() + 10_080 * 60_000).toISOString(),
      })
      .catch((e: unknown) => e)) as GraphError;
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.message).toContain('10070 minutes');
  });
});
