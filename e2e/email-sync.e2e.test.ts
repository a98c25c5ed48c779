import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import type { TestClient } from '../apps/api/src/testing/graphql-client.ts';
import { eventually, FIONA, newEmailOrganisation, sleep, timeline, type EmailOrganisation } from './email-fixture.ts';
import type { ExchangeOrganisation } from './exchange-org.ts';
import { startWorker } from './worker-harness.ts';

let api: ApiHarness;
let worker: WorkerRuntime;
let fixture: EmailOrganisation;
let org: ExchangeOrganisation;
let salesPro: TestClient;
let opportunityId: string;
let accountId: string;
const workerLog: string[] = [];

const deliver = (upn: string, message: Record<string, unknown>) => fixture.deliver(upn, message);
const emulatorState = () => fixture.emulatorState();
const graph = (path: string, method?: string, body?: unknown) => fixture.graph(path, method, body);

beforeAll(async () => {
  api = await startApi();
  const sink = new Writable({ write: (chunk, _enc, done) => (workerLog.push(chunk.toString()), done()) });
  worker = await startWorker({ logTo: sink, env: { PUBLIC_API_URL: api.baseUrl, SYNC_SWEEP_SECONDS: '1' } });
  fixture = await newEmailOrganisation(api);
  ({ org, salesPro, opportunityId, accountId } = fixture);
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
    const mailboxId = fixture.mailboxOf('sales.pro');
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
