import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import type { TestClient } from '../apps/api/src/testing/graphql-client.ts';
import { DEMO_TENANT, newExchangeOrganisation, type ExchangeOrganisation } from './exchange-org.ts';
import { startWorker } from './worker-harness.ts';

let api: ApiHarness;
let worker: WorkerRuntime;
let org: ExchangeOrganisation;
let admin: TestClient;
let salesPro: TestClient;
let opportunityId: string;
let accountId: string;
const workerLog: string[] = [];

const FIONA = 'fiona.fabrikam@fabrikam.example';
const TIMELINE = `query($id: ID!) { timeline(regardingId: $id, first: 50) { totalCount edges { node { id subject occurredAt
  ... on Email { direction status trackingToken internetMessageId bodyHtml regarding { id type name }
    from { address resolvedType } to { address resolvedType } copies { emailAddress } } } } } }`;
const MAILBOXES = `{ mailboxes(first: 50) { edges { node { id emailAddress enabledForIncoming enabledForOutgoing lastSyncAt } } } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await sleep(100);
  }
  throw new Error(`${what} did not happen; last: ${JSON.stringify(last)}`);
}

async function timeline(client: TestClient, id: string) {
  const result = await client.request(TIMELINE, { id });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.timeline as { totalCount: number; edges: { node: any }[] };
}

async function emulatorState() {
  return (await (await org.control('/state', 'GET')).json()) as any;
}

async function deliver(upn: string, message: Record<string, unknown>) {
  const response = await org.control(`/mailboxes/${encodeURIComponent(upn)}/deliver`, 'POST', message);
  if (!response.ok) throw new Error(`deliver: ${response.status} ${await response.text()}`);
  return response.json() as Promise<any>;
}

/** Graph as a mail client of the tenant would use it (to create folders and find messages). */
async function graph(path: string, method = 'GET', body?: unknown) {
  const tokenResponse = await fetch(`${org.emulator.url}/${DEMO_TENANT.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEMO_TENANT.clientId,
      client_secret: DEMO_TENANT.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const { access_token } = (await tokenResponse.json()) as { access_token: string };
  const response = await fetch(`${org.emulator.url}/v1.0${path}`, {
    method,
    headers: {
      authorization: `Bearer ${access_token}`,
      'content-type': 'application/json',
      prefer: 'IdType="ImmutableId"',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : ((await response.json()) as any);
}

beforeAll(async () => {
  api = await startApi();
  org = await newExchangeOrganisation(api.server.dataSource);
  const sink = new Writable({ write: (chunk, _enc, done) => (workerLog.push(chunk.toString()), done()) });
  worker = await startWorker({
    logTo: sink,
    env: { PUBLIC_API_URL: api.baseUrl, SYNC_SWEEP_SECONDS: '1' },
  });
  admin = await api.client.signIn(org.email('admin'), 'test-password');
  const connected = await admin.request(
    `mutation($input: ConnectTenantInput!) { connectTenant(input: $input) { status } }`,
    {
      input: { tenantId: DEMO_TENANT.tenantId, clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret },
    },
  );
  expect(connected.errors).toBeUndefined();
  const started = await admin.request('mutation { configureEmail { id } }');
  const jobId = started.data?.configureEmail.id;
  await eventually(
    () => admin.request('query($id: ID!) { job(id: $id) { status } }', { id: jobId }),
    (r) => r.data?.job.status === 'COMPLETED',
    'Configure email',
  );

  salesPro = await api.client.signIn(org.email('sales.pro'), 'test-password');
  const account = await salesPro.request(
    `mutation { createAccount(input: { name: "Fabrikam", emailAddress: "info@fabrikam.example" }) { id } }`,
  );
  accountId = account.data?.createAccount.id;
  const contact = await salesPro.request(
    `mutation($account: ID!) { createContact(input: { firstName: "Fiona", lastName: "Fabrikam", emailAddress: "${FIONA}", accountId: $account }) { id } }`,
    { account: accountId },
  );
  const opportunity = await salesPro.request(
    `mutation($account: ID!, $contact: ID!) { createOpportunity(input: { name: "Fabrikam renewal", accountId: $account, contactIds: [$contact] }) { id } }`,
    { account: accountId, contact: contact.data?.createContact.id },
  );
  opportunityId = opportunity.data?.createOpportunity.id;
  expect(opportunityId).toBeDefined();
}, 90_000);

afterAll(async () => {
  await worker?.stop();
  await api?.stop();
  await org?.emulator.stop();
});

describe('email between Exchange and the CRM', () => {
  let sent: any;

  it('sends an email from an opportunity exactly once, and shows it as Sent on the timeline', async () => {
    const result = await salesPro.request(
      `mutation($input: SendEmailInput!) { sendEmail(input: $input) { id status subject trackingToken regarding { id name } } }`,
      {
        input: {
          regardingId: opportunityId,
          to: [FIONA],
          subject: 'Renewal proposal',
          body: '<p>Dear Fiona, here is our <b>proposal</b>.</p>',
        },
      },
    );
    expect(result.errors).toBeUndefined();
    const queued = result.data?.sendEmail;
    expect(queued).toMatchObject({
      status: 'PENDING_SEND',
      regarding: { id: opportunityId, name: 'Fabrikam renewal' },
    });
    expect(queued.subject).toMatch(/^Renewal proposal CRM:\d{7}$/);

    const page = await eventually(
      () => timeline(salesPro, opportunityId),
      (t) => t.edges.some((e) => e.node.id === queued.id && e.node.status === 'SENT' && e.node.internetMessageId),
      'the send',
    );
    sent = page.edges.find((e) => e.node.id === queued.id)!.node;
    expect(page.totalCount).toBe(1);
    expect(sent).toMatchObject({
      direction: 'OUTGOING',
      to: [{ address: FIONA, resolvedType: 'CONTACT' }],
      bodyHtml: '<p>Dear Fiona, here is our <b>proposal</b>.</p>',
    });

    const state = await emulatorState();
    const outbound = state.sentOutsideTenant.filter((m: any) => JSON.stringify(m).includes(queued.subject));
    expect(outbound).toHaveLength(1);
    const mailbox = state.mailboxes.find((m: any) => m.userPrincipalName === org.email('sales.pro'));
    expect(mailbox.folders.find((f: any) => f.wellKnownName === 'sentitems').totalItemCount).toBe(1);
    // The sender's Sent Items copy, once synced, is recorded against the same email.
    await eventually(
      () => timeline(salesPro, opportunityId),
      (t) => t.edges[0]?.node.copies.length === 1,
      'the Sent Items copy',
    );
    expect((await timeline(salesPro, opportunityId)).totalCount).toBe(1);
  });

  it("puts the contact's reply on the same timeline, live over the subscription", async () => {
    const subscription = salesPro.subscribe<any>(
      `subscription($id: ID!) { timelineChanged(regardingId: $id) { change activityId activity { id subject ... on Email { direction status } } } }`,
      { id: opportunityId },
      (events) => events.some((e) => e.data?.timelineChanged?.activity?.direction === 'INCOMING'),
      20_000,
    );
    await subscription.connected;
    await deliver(org.email('sales.pro'), {
      from: FIONA,
      to: [org.email('sales.pro')],
      subject: `RE: ${sent.subject}`,
      body: '<p>Thanks, looks good.</p>',
      inReplyTo: sent.internetMessageId,
    });
    const events = await subscription.events;
    // Woken by Exchange's change notification (polling is every 60 s), checked against its clientState.
    const state = await emulatorState();
    expect(state.subscriptions.map((s: any) => s.resource)).toContain(`users/${org.email('sales.pro')}/messages`);
    expect(state.notifications.postsAcknowledged).toBeGreaterThan(0);
    expect(state.notifications.postsFailed).toBe(0);
    const reply = events.find((e) => e.data?.timelineChanged?.activity?.direction === 'INCOMING')!.data.timelineChanged;
    expect(reply).toMatchObject({
      change: 'CREATED',
      activity: { subject: `RE: ${sent.subject}`, status: 'RECEIVED' },
    });

    const page = await timeline(salesPro, opportunityId);
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((e) => e.node.direction)).toEqual(['INCOMING', 'OUTGOING']);
    expect(page.edges[0]!.node).toMatchObject({ from: { address: FIONA, resolvedType: 'CONTACT' } });
    // The account's timeline rolls up its opportunity's email.
    expect((await timeline(salesPro, accountId)).totalCount).toBe(2);
  });

  it('records a message between two CRM users once, with both copies', async () => {
    await deliver(org.email('sales.pro'), {
      from: org.email('sales.pro'),
      to: [org.email('sales.manager')],
      subject: `RE: ${sent.subject}`,
      body: 'Can you review this deal?',
      inReplyTo: sent.internetMessageId,
    });
    const page = await eventually(
      () => timeline(salesPro, opportunityId),
      (t) => t.edges.some((e) => e.node.copies.length === 2),
      'the internal message with two copies',
    );
    expect(page.totalCount).toBe(3);
    const internal = page.edges.find((e) => e.node.copies.length === 2)!.node;
    expect(internal.copies.map((c: any) => c.emailAddress).sort()).toEqual(
      [org.email('sales.manager'), org.email('sales.pro')].sort(),
    );
    expect(internal.from).toMatchObject({ address: org.email('sales.pro'), resolvedType: 'USER' });
  });

  it('tracks a message moved into a mapped folder regarding the rule’s record', async () => {
    const upn = org.email('sales.pro');
    const folder = await graph(`/users/${upn}/mailFolders/inbox/childFolders`, 'POST', { displayName: 'Fabrikam' });
    const { edges } = (await salesPro.request(MAILBOXES)).data!.mailboxes;
    const mailboxId = edges.find((e: any) => e.node.emailAddress === upn).node.id;
    const on = await salesPro.request(`mutation($m: ID!) { setFolderTracking(mailboxId: $m, enabled: true) { id } }`, {
      m: mailboxId,
    });
    expect(on.errors).toBeUndefined();
    const rule = await salesPro.request(
      `mutation($m: ID!, $f: String!, $r: ID) { createFolderTrackingRule(mailboxId: $m, folderId: $f, regardingId: $r) { folderPath regardingType } }`,
      { m: mailboxId, f: folder.id, r: accountId },
    );
    expect(rule.errors).toBeUndefined();
    expect(rule.data?.createFolderTrackingRule).toEqual({ folderPath: 'Inbox/Fabrikam', regardingType: 'ACCOUNT' });

    // A message the default filter would not track (no CRM email it answers)...
    const delivered = await deliver(upn, {
      from: 'someone@northwind.example',
      to: [upn],
      subject: 'Unrelated question',
      body: 'Hello',
    });
    await sleep(1500);
    expect((await timeline(salesPro, accountId)).edges.some((e) => e.node.subject === 'Unrelated question')).toBe(
      false,
    );
    // ...moved into the mapped folder in Exchange is tracked regarding the account.
    const messages = await graph(`/users/${upn}/mailFolders/inbox/messages?$filter=subject eq 'Unrelated question'`);
    expect(messages.value).toHaveLength(1);
    void delivered;
    const moved = await org.control(`/mailboxes/${upn}/messages/${messages.value[0].id}/move`, 'POST', {
      folder: folder.id,
    });
    expect(moved.ok).toBe(true);
    const page = await eventually(
      () => timeline(salesPro, accountId),
      (t) => t.edges.some((e) => e.node.subject === 'Unrelated question'),
      'the folder-tracked message',
    );
    expect(page.edges.find((e) => e.node.subject === 'Unrelated question')!.node.regarding).toMatchObject({
      id: accountId,
      type: 'ACCOUNT',
    });
  });

  it('creates no duplicate when Exchange forgets every delta token (410) and the mailbox is read again', async () => {
    const before = await api.server.dataSource.query(
      `SELECT count(*)::int AS emails, (SELECT count(*)::int FROM email_copy WHERE "organisationId" = $1) AS copies
         FROM email WHERE "organisationId" = $1`,
      [org.organisation.id],
    );
    const fault = await org.control('/faults', 'POST', { kind: 'expireDeltaTokens' });
    expect(fault.ok).toBe(true);
    const upn = org.email('sales.pro');
    await deliver(upn, {
      from: FIONA,
      to: [upn],
      subject: `RE: ${sent.subject}`,
      body: 'One more thing.',
      inReplyTo: sent.internetMessageId,
    });
    await eventually(
      () => timeline(salesPro, opportunityId),
      (t) => t.edges.some((e) => e.node.bodyHtml.includes('One more thing.')),
      'the message after the resync',
    );
    const after = await api.server.dataSource.query(
      `SELECT count(*)::int AS emails, (SELECT count(*)::int FROM email_copy WHERE "organisationId" = $1) AS copies
         FROM email WHERE "organisationId" = $1`,
      [org.organisation.id],
    );
    expect(after[0]).toEqual({ emails: before[0].emails + 1, copies: before[0].copies + 1 });
    const ids = await api.server.dataSource.query(
      `SELECT "internetMessageId", count(*)::int AS n FROM email WHERE "organisationId" = $1 GROUP BY 1 HAVING count(*) > 1`,
      [org.organisation.id],
    );
    expect(ids).toEqual([]);
  });
});
