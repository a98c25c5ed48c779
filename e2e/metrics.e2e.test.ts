import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrganisation, newUser } from '@mailroom/domain/testing';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { startWorker } from './worker-harness.ts';

let api: ApiHarness;
let worker: WorkerRuntime;

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker();
});

afterAll(async () => {
  await worker?.stop();
  await api?.stop();
});

/** The value of the series `name` whose labels include `labels` (in any order), or undefined. */
function valueOf(body: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of body.split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const pairs = new Map([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    if (Object.entries(labels).every(([k, v]) => pairs.get(k) === v)) return Number(match[3]);
  }
  return undefined;
}

const scrape = async (url: string) => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
};

describe('Prometheus metrics', () => {
  it('the API reports request latency, queue depths and sync lag', async () => {
    // An enabled mailbox that last synced an hour ago.
    const organisation = await newOrganisation(api.server.dataSource, `Metrics ${randomUUID().slice(0, 6)}`);
    const user = await newUser(api.server.dataSource, organisation);
    const [mailbox] = (await api.server.dataSource.query(
      `INSERT INTO mailbox ("organisationId", "ownerUserId", "emailAddress", "emailAddressLower", "incomingMethod",
          "outgoingMethod", "actMethod", "approvalStatus", "enabledForIncoming", "lastSyncSuccessAt", version)
       VALUES ($1, $2, $3, $3, 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 'APPROVED', true,
               now() - interval '1 hour', 1)
       RETURNING id`,
      [organisation.id, user.id, user.primaryEmail.toLowerCase()],
    )) as { id: string }[];
    expect(mailbox).toBeDefined();
    await api.client.request('{ __typename }');

    const body = await scrape(`${api.baseUrl}/metrics`);
    const api_ = { service: 'api' };
    expect(
      valueOf(body, 'mailroom_http_request_duration_seconds_count', {
        ...api_,
        route: '/graphql',
        method: 'POST',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(valueOf(body, 'mailroom_queue_jobs', { ...api_, queue: 'sync', state: 'waiting' })).toBeGreaterThanOrEqual(
      0,
    );
    expect(valueOf(body, 'mailroom_sync_lag_seconds', { ...api_, quantile: '1' })).toBeGreaterThanOrEqual(3600);
    expect(body).toMatch(/^mailroom_mailbox_sync_lag_seconds\{.*mailbox="[0-9a-f-]{36}".*\} [\d.]+$/m);
    expect(body).toContain('# TYPE mailroom_graph_requests_total counter');
    expect(valueOf(body, 'mailroom_process_cpu_seconds_total', api_)).toBeGreaterThan(0);
    // The metrics endpoint is never a route users reach by accident: an unknown path is counted as `other`.
    await fetch(`${api.baseUrl}/no-such-page-${randomUUID()}`);
    const after = await scrape(`${api.baseUrl}/metrics`);
    expect(after).not.toContain('/no-such-page-');
  });

  it('a worker serves /healthz and reports its jobs by queue, job and outcome', async () => {
    const base = `http://127.0.0.1:${worker.metricsPort}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/nothing`)).status).toBe(404);

    // The sweep runs every second on the maintenance queue.
    let body = '';
    for (let i = 0; i < 40 && !body.includes('job="sync-sweep"'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      body = await scrape(`${base}/metrics`);
    }
    const worker_ = { service: 'worker' };
    expect(
      valueOf(body, 'mailroom_job_duration_seconds_count', {
        ...worker_,
        queue: 'maintenance',
        job: 'sync-sweep',
        outcome: 'completed',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(body).toContain('# TYPE mailroom_jobs_failed_total counter');
    expect(body).toContain('# TYPE mailroom_graph_throttled_total counter');
    expect(
      valueOf(body, 'mailroom_queue_jobs', { ...worker_, queue: 'maintenance', state: 'waiting' }),
    ).toBeGreaterThanOrEqual(0);
  });
});
