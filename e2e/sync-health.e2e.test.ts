// Sync health fed by a real worker: what it ingests, the 429s Exchange answers it and the syncs
// that fail reach the administrators' syncHealth query, counted against their organisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import { eventually, FIONA, newEmailOrganisation, type EmailOrganisation } from './email-fixture.ts';
import { startWorker } from './worker-harness.ts';

let api: ApiHarness;
let worker: WorkerRuntime;
let fixture: EmailOrganisation;

const HEALTH = `{ syncHealth(windowMinutes: 15) { minutes { emailsSynced failures throttled } slowestMailboxes { emailAddress } } }`;

async function totals() {
  const result = await fixture.admin.request<{
    syncHealth: { minutes: { emailsSynced: number; failures: number; throttled: number }[] };
  }>(HEALTH);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.syncHealth.minutes.reduce(
    (sum, minute) => ({
      emailsSynced: sum.emailsSynced + minute.emailsSynced,
      failures: sum.failures + minute.failures,
      throttled: sum.throttled + minute.throttled,
    }),
    { emailsSynced: 0, failures: 0, throttled: 0 },
  );
}

const fromFiona = (subject: string) => ({
  from: FIONA,
  to: [fixture.org.email('sales.pro')],
  subject,
  body: '<p>Hello</p>',
});

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker({ env: { PUBLIC_API_URL: api.baseUrl, SYNC_SWEEP_SECONDS: '1' } });
  fixture = await newEmailOrganisation(api);
  // Every incoming email of sales.pro becomes a CRM email (the default keeps only responses).
  const filtered = await fixture.salesPro.request(
    `mutation($id: ID!) { updateMailbox(id: $id, input: { incomingFilter: ALL_EMAIL }) { id } }`,
    { id: fixture.mailboxOf('sales.pro') },
  );
  expect(filtered.errors).toBeUndefined();
}, 90_000);

afterAll(async () => {
  await worker?.stop();
  await api?.stop();
  await fixture?.org.emulator.stop();
});

describe('sync health from the workers', () => {
  it('counts the emails a sync ingests', async () => {
    const before = await totals();
    await fixture.deliver(fixture.org.email('sales.pro'), fromFiona('Question about the renewal'));
    await eventually(totals, (now) => now.emailsSynced > before.emailsSynced, 'an ingested email', 30_000);
  });

  it('counts each 429 Exchange answers a sync, against the organisation', async () => {
    const before = await totals();
    await fixture.org.control('/faults', 'POST', {
      kind: 'throttle',
      upn: fixture.org.email('sales.pro'),
      count: 2,
      retryAfter: 1,
    });
    await fixture.deliver(fixture.org.email('sales.pro'), fromFiona('Another question'));
    const after = await eventually(totals, (now) => now.throttled >= before.throttled + 2, 'two 429s counted', 30_000);
    // The adapter waited out Retry-After and the sync went on: the email arrived all the same.
    await eventually(totals, (now) => now.emailsSynced > before.emailsSynced, 'the throttled email', 30_000);
    expect(after.failures).toBe(before.failures);
  });

  it('counts a sync that fails', async () => {
    const before = await totals();
    const manager = fixture.org.email('sales.manager');
    await fixture.org.control('/faults', 'POST', { kind: 'accessDenied', upn: manager });
    await fixture.deliver(manager, { from: FIONA, to: [manager], subject: 'For the manager', body: '<p>Hi</p>' });
    await eventually(totals, (now) => now.failures > before.failures, 'a failed sync counted', 30_000);
    await fixture.org.control('/faults', 'DELETE');
  });
});
