import { newOrganisation, newUser } from '@mailroom/domain/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import { spawnWorker, type Spawned } from './processes.ts';

let api: ApiHarness;
let worker: Spawned | undefined;

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await worker?.stop();
  await api.stop();
});

describe('API → Redis → worker → Postgres → subscription', () => {
  it('runs a heartbeat job queued before any worker was up, and streams its progress live', async () => {
    const ds = api.server.dataSource;
    const organisation = await newOrganisation(ds);
    const user = await newUser(ds, organisation, { roles: ['SYSTEM_ADMINISTRATOR'], password: 'pw' });
    const admin = await api.client.signIn(user.primaryEmail, 'pw');

    const queued = await admin.request('mutation { pingWorker { id status done total } }');
    expect(queued.errors).toBeUndefined();
    const job = queued.data?.pingWorker;
    expect(job).toMatchObject({ status: 'QUEUED', done: 0, total: 1 });

    const subscription = admin.subscribe<{ jobProgress: { status: string; done: number } }>(
      'subscription($id: ID!) { jobProgress(jobId: $id) { status done total } }',
      { id: job.id },
      (events) => events.some((e) => e.data?.jobProgress.status === 'COMPLETED'),
    );
    await subscription.connected;

    // The worker starts only now, as its own process: the updates can only arrive through Redis.
    worker = spawnWorker({
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: inject('redisUrl'),
      MAILROOM_SECRET_KEY: inject('secretKey'),
      LOG_LEVEL: 'info',
    });
    const events = await subscription.events;
    expect(events.map((e) => e.data?.jobProgress.status)).toEqual(['QUEUED', 'RUNNING', 'COMPLETED']);
    expect(events.at(-1)?.data?.jobProgress).toEqual({ status: 'COMPLETED', done: 1, total: 1 });

    const stored = await admin.request('query($id: ID!) { job(id: $id) { status finishedAt } }', { id: job.id });
    expect(stored.data?.job.status).toBe('COMPLETED');
    expect(stored.data?.job.finishedAt).toEqual(expect.any(String));
  });

  it('a worker drains and exits cleanly on SIGTERM', async () => {
    await worker!.waitFor('worker ready');
    expect(await worker!.stop()).toBe(0);
    expect(worker!.output()).toContain('draining in-flight jobs');
  });
});
