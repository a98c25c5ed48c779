// Graph's webhooks as an attacker would try them: notifications for a subscription nobody made,
// with a guessed clientState, or replayed. None may wake a mailbox more than once or change a
// subscription; a genuine one wakes its mailbox exactly once however often it is replayed.
import { randomUUID } from 'node:crypto';
import { GraphSubscription, hashClientState } from '@mailroom/domain';
import { newOrganisation, newRoleMailboxes, newUser } from '@mailroom/domain/testing';
import { QUEUE_PREFIX, QUEUES } from '@mailroom/queues';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApi, type ApiHarness } from './testing/api-harness.ts';

let api: ApiHarness;
let redis: Redis;
let queue: Queue;
let mailboxId: string;
let subscriptionId: string;
const CLIENT_STATE = 'a-long-random-client-state-only-mailroom-and-exchange-know';

const post = (path: string, value: Record<string, unknown>[]) =>
  fetch(`${api.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ value }),
  });

const change = (overrides: Record<string, unknown> = {}) => ({
  subscriptionId,
  clientState: CLIENT_STATE,
  changeType: 'created',
  resource: `Users/${randomUUID()}/Messages/AAMk`,
  tenantId: randomUUID(),
  ...overrides,
});

const woken = async () => (await redis.get(`${QUEUE_PREFIX}:sync:dirty:${mailboxId}`)) !== null;
const queuedSyncs = async () =>
  (await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized'])).filter(
    (job) => job.name === 'mailbox-sync' && job.data.mailboxId === mailboxId,
  ).length;

beforeAll(async () => {
  api = await startApi();
  redis = new Redis(inject('redisUrl'));
  queue = new Queue(QUEUES.sync, {
    connection: new Redis(inject('redisUrl'), { maxRetriesPerRequest: null }),
    prefix: QUEUE_PREFIX,
  });
  const ds = api.server.dataSource;
  const organisation = await newOrganisation(ds);
  await newUser(ds, organisation, {});
  mailboxId = (await newRoleMailboxes(ds, organisation))[0]!.id;
  subscriptionId = randomUUID();
  await ds.getRepository(GraphSubscription).insert({
    id: subscriptionId,
    organisationId: organisation.id,
    mailboxId,
    resource: 'users/x/messages',
    clientStateHash: hashClientState(CLIENT_STATE),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
});

afterAll(async () => {
  await queue?.close();
  redis?.disconnect();
  await api?.stop();
});

describe('Graph webhooks', () => {
  it('acknowledges and drops notifications for unknown subscriptions or with a wrong clientState', async () => {
    expect((await post('/graph/notifications', [change({ subscriptionId: randomUUID() })])).status).toBe(202);
    expect((await post('/graph/notifications', [change({ clientState: 'guessed' })])).status).toBe(202);
    expect((await post('/graph/notifications', [change({ clientState: undefined })])).status).toBe(202);
    // A forged lifecycle event must not remove (or expire) the subscription either.
    const forged = await post('/graph/lifecycle', [
      { subscriptionId, clientState: 'guessed', lifecycleEvent: 'subscriptionRemoved' },
      { subscriptionId, clientState: 'guessed', lifecycleEvent: 'reauthorizationRequired' },
    ]);
    expect(forged.status).toBe(202);
    expect(await woken()).toBe(false);
    expect(await queuedSyncs()).toBe(0);
    const subscription = await api.server.dataSource
      .getRepository(GraphSubscription)
      .findOneByOrFail({ id: subscriptionId });
    expect(subscription.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3_600_000);
  });

  it('wakes the mailbox for a genuine notification, once however often it is replayed', async () => {
    const genuine = [change()];
    for (let i = 0; i < 5; i++) expect((await post('/graph/notifications', genuine)).status).toBe(202);
    expect(await woken()).toBe(true);
    expect(await queuedSyncs()).toBe(1);
  });

  it('refuses a body that is not a batch of notifications', async () => {
    const response = await fetch(`${api.baseUrl}/graph/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(response.status).toBe(400);
  });
});
