import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { startWorker } from './worker-harness.ts';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import type { TestClient } from '../apps/api/src/testing/graphql-client.ts';
import { DEMO_TENANT, newExchangeOrganisation } from './exchange-org.ts';

let api: ApiHarness;
let worker: WorkerRuntime;
let org: Awaited<ReturnType<typeof newExchangeOrganisation>>;
let admin: TestClient;
const workerLog: string[] = [];
const apiLog: string[] = [];

const MAILBOXES = `{ mailboxes(first: 50) { edges { node { id emailAddress approvalStatus incomingStatus outgoingStatus actStatus testRunStatus enabledForIncoming enabledForOutgoing enabledForAct incomingMethod alerts { code severity message params count } } } } }`;
const JOB = `query($id: ID!) { job(id: $id) { id kind status done total failed items(first: 50) { totalCount edges { node { emailAddress status reasons message } } } } }`;

async function waitForJob(client: TestClient, id: string) {
  for (let i = 0; i < 200; i++) {
    const result = await client.request(JOB, { id });
    const job = result.data?.job;
    if (job && (job.status === 'COMPLETED' || job.status === 'FAILED')) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

async function mailboxesByEmail(client: TestClient) {
  const result = await client.request(MAILBOXES);
  return new Map<string, any>(result.data?.mailboxes.edges.map((e: any) => [e.node.emailAddress, e.node]));
}

beforeAll(async () => {
  const apiSink = new Writable({ write: (chunk, _enc, done) => (apiLog.push(chunk.toString()), done()) });
  api = await startApi({ logTo: apiSink });
  org = await newExchangeOrganisation(api.server.dataSource);
  const sink = new Writable({ write: (chunk, _enc, done) => (workerLog.push(chunk.toString()), done()) });
  worker = await startWorker({ logTo: sink });
  admin = await api.client.signIn(org.email('admin'), 'test-password');
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await api?.stop();
  await org?.emulator.stop();
});

describe('Configure email against the emulator’s demo tenant', () => {
  it('starts NOT_CONNECTED, and connecting checks the credentials before storing them', async () => {
    const state = await admin.request('{ emailConfiguration { status nextStep clientSecretSet } }');
    expect(state.data?.emailConfiguration).toMatchObject({ status: 'NOT_CONNECTED', clientSecretSet: false });

    const CONNECT = `mutation($input: ConnectTenantInput!) { connectTenant(input: $input) { status tenantId clientSecretSet nextStep } }`;
    const wrong = await admin.request(CONNECT, {
      input: { tenantId: DEMO_TENANT.tenantId, clientId: DEMO_TENANT.clientId, clientSecret: 'not-the-secret' },
    });
    expect(wrong.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/rejected these credentials/),
    });

    const connected = await admin.request(CONNECT, { input: DEMO_TENANT_INPUT });
    expect(connected.errors).toBeUndefined();
    expect(connected.data?.connectTenant).toMatchObject({
      status: 'READY',
      tenantId: DEMO_TENANT.tenantId,
      clientSecretSet: true,
    });
    expect(JSON.stringify(connected)).not.toContain(DEMO_TENANT.clientSecret);
  });

  it('is FORBIDDEN to a salesperson', async () => {
    const seller = await api.client.signIn(org.email('salesperson'), 'test-password');
    for (const operation of [
      'mutation { configureEmail { id } }',
      'mutation { approveAndTestMailboxes(mailboxIds: []) { id } }',
      '{ emailConfiguration { status } }',
    ]) {
      const result = await seller.request(operation);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('auto-approves, tests and enables exactly the eligible mailboxes, and says why not for the others', async () => {
    const started = await admin.request('mutation { configureEmail { id kind status } }');
    expect(started.errors).toBeUndefined();
    const job = await waitForJob(admin, started.data?.configureEmail.id);
    expect(job).toMatchObject({ kind: 'CONFIGURE_EMAIL', status: 'COMPLETED', total: 5, done: 5, failed: 0 });

    const report = new Map<string, any>(job.items.edges.map((e: any) => [e.node.emailAddress, e.node]));
    expect(report.get(org.email('sales.pro'))).toMatchObject({ status: 'SUCCEEDED' });
    expect(report.get(org.email('sales.manager'))).toMatchObject({ status: 'SUCCEEDED' });
    expect(report.get(org.email('upn.mismatch'))).toMatchObject({
      status: 'SKIPPED',
      reasons: ['PRIMARY_EMAIL_NOT_UPN'],
    });
    expect(report.get(org.email('no.exchange'))).toMatchObject({
      status: 'SKIPPED',
      reasons: ['NO_EXCHANGE_LICENSE'],
    });
    expect(report.get(org.email('unlicensed'))).toMatchObject({
      status: 'SKIPPED',
      reasons: ['NO_SALES_LICENSE'],
    });
    expect(report.get(org.email('upn.mismatch')).message).toMatch(/user principal name/);

    const mailboxes = await mailboxesByEmail(admin);
    expect(mailboxes.get(org.email('sales.pro'))).toMatchObject({
      approvalStatus: 'APPROVED',
      incomingStatus: 'SUCCESS',
      outgoingStatus: 'SUCCESS',
      actStatus: 'SUCCESS',
      testRunStatus: 'SUCCESS',
      enabledForIncoming: true,
      enabledForOutgoing: true,
      enabledForAct: true,
    });
    expect(mailboxes.get(org.email('no.exchange'))).toMatchObject({
      approvalStatus: 'NOT_APPROVED',
      testRunStatus: 'NOT_RUN',
      incomingMethod: 'SERVER_SIDE_SYNC',
    });
    const state = await admin.request('{ emailConfiguration { status } }');
    expect(state.data?.emailConfiguration.status).toBe('CONFIGURED');
  });

  it('changes nothing when run a second time', async () => {
    const before = await mailboxesByEmail(admin);
    const started = await admin.request('mutation { configureEmail { id } }');
    const job = await waitForJob(admin, started.data?.configureEmail.id);
    expect(job).toMatchObject({ status: 'COMPLETED', total: 5, failed: 0 });
    expect(job.items.edges.map((e: any) => e.node.status).sort()).toEqual([
      'SKIPPED',
      'SKIPPED',
      'SKIPPED',
      'SKIPPED',
      'SKIPPED',
    ]);
    const after = await mailboxesByEmail(admin);
    for (const [email, mailbox] of before) {
      expect({ ...after.get(email), alerts: undefined }).toEqual({ ...mailbox, alerts: undefined });
    }
  });

  it('fails Approve and test without an Exchange licence, alerts the owner live, and succeeds once the licence is granted', async () => {
    const owner = await api.client.signIn(org.email('no.exchange'), 'test-password');
    const notifications = owner.subscribe<{ notificationReceived: { kind: string; message: string } }>(
      'subscription { notificationReceived { kind title message } }',
      {},
      (events) => events.length >= 1,
    );
    await notifications.connected;

    const mailboxId = (await mailboxesByEmail(admin)).get(org.email('no.exchange')).id;
    const APPROVE = 'mutation($ids: [ID!]!) { approveAndTestMailboxes(mailboxIds: $ids) { id total } }';
    const first = await admin.request(APPROVE, { ids: [mailboxId] });
    const failedJob = await waitForJob(admin, first.data?.approveAndTestMailboxes.id);
    expect(failedJob).toMatchObject({ status: 'COMPLETED', total: 1, done: 1, failed: 1 });

    const failed = (await mailboxesByEmail(admin)).get(org.email('no.exchange'));
    expect(failed).toMatchObject({
      approvalStatus: 'APPROVED',
      testRunStatus: 'FAILURE',
      incomingStatus: 'FAILURE',
      enabledForIncoming: false,
    });
    // What the message is made of comes along, so a client can word it in its reader's language.
    expect(failed.alerts).toEqual([
      expect.objectContaining({
        code: 'NO_EXCHANGE_MAILBOX',
        severity: 'ERROR',
        count: 1,
        params: { address: org.email('no.exchange') },
      }),
    ]);
    expect(failed.alerts[0].message).toMatch(/Exchange Online licence/);

    const [event] = await notifications.events;
    expect(event?.data?.notificationReceived).toMatchObject({
      kind: 'MAILBOX_ALERT',
      message: expect.stringMatching(/Exchange Online licence/),
    });

    // The same failure again folds into the same alert.
    const again = await admin.request(APPROVE, { ids: [mailboxId] });
    await waitForJob(admin, again.data?.approveAndTestMailboxes.id);
    expect((await mailboxesByEmail(admin)).get(org.email('no.exchange')).alerts).toEqual([
      expect.objectContaining({ code: 'NO_EXCHANGE_MAILBOX', count: 2 }),
    ]);

    expect((await org.control(`/users/${org.email('no.exchange')}`, 'PATCH', { exchangeLicense: true })).status).toBe(
      200,
    );
    const third = await admin.request(APPROVE, { ids: [mailboxId] });
    const passed = await waitForJob(admin, third.data?.approveAndTestMailboxes.id);
    expect(passed).toMatchObject({ status: 'COMPLETED', failed: 0 });
    const enabled = (await mailboxesByEmail(admin)).get(org.email('no.exchange'));
    expect(enabled).toMatchObject({
      testRunStatus: 'SUCCESS',
      enabledForIncoming: true,
      enabledForOutgoing: true,
      enabledForAct: true,
    });
    expect(enabled.alerts).toEqual([
      expect.objectContaining({
        code: 'TEST_SUCCEEDED',
        params: { address: org.email('no.exchange'), channels: ['incoming', 'outgoing', 'act'] },
      }),
    ]);
  });

  it('returns the same job for a repeated request while it is still running', async () => {
    const ids = [...(await mailboxesByEmail(admin)).values()].map((m) => m.id);
    const APPROVE = 'mutation($ids: [ID!]!) { approveAndTestMailboxes(mailboxIds: $ids) { id } }';
    const [a, b] = await Promise.all([
      admin.request(APPROVE, { ids }),
      admin.request(APPROVE, { ids: [...ids].reverse() }),
    ]);
    expect(a.data?.approveAndTestMailboxes.id).toBe(b.data?.approveAndTestMailboxes.id);
    await waitForJob(admin, a.data?.approveAndTestMailboxes.id);
  });

  it('answers NEEDS_EXCHANGE_SUBSCRIPTION when the tenant has no Exchange Online, and changes nothing', async () => {
    expect((await org.control('/tenant', 'PATCH', { exchangeSubscription: false })).status).toBe(200);
    const result = await admin.request('mutation { configureEmail { id } }');
    expect(result.errors?.[0]).toMatchObject({
      extensions: { code: 'NEEDS_EXCHANGE_SUBSCRIPTION' },
      message: expect.stringMatching(/no Exchange Online subscription/),
    });
    const state = await admin.request('{ emailConfiguration { status nextStep } }');
    expect(state.data?.emailConfiguration.status).toBe('NEEDS_EXCHANGE_SUBSCRIPTION');
    await org.control('/tenant', 'PATCH', { exchangeSubscription: true });
  });

  it('never writes the client secret to a log line, API or worker', () => {
    expect(workerLog.length).toBeGreaterThan(0);
    expect(apiLog.length).toBeGreaterThan(0);
    expect(workerLog.join('\n')).not.toContain(DEMO_TENANT.clientSecret);
    expect(apiLog.join('\n')).not.toContain(DEMO_TENANT.clientSecret);
    expect(apiLog.join('\n')).not.toContain('not-the-secret');
  });
});

const DEMO_TENANT_INPUT = {
  tenantId: DEMO_TENANT.tenantId,
  clientId: DEMO_TENANT.clientId,
  clientSecret: DEMO_TENANT.clientSecret,
};
