import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import { eventually, FIONA, newEmailOrganisation, sleep, timeline, type EmailOrganisation } from './email-fixture.ts';
import { DEMO_TENANT } from './exchange-org.ts';
import { startWorker } from './worker-harness.ts';

let api: ApiHarness;
let worker: WorkerRuntime;
let f: EmailOrganisation;
/** A CRM email sent from the opportunity, that replies can answer. */
let crmEmail: { id: string; subject: string; internetMessageId: string };

const TRACKED = 'Tracked to Mailroom';
const apiLog: string[] = [];

beforeAll(async () => {
  api = await startApi({
    logTo: new Writable({ write: (chunk, _enc, done) => (apiLog.push(chunk.toString()), done()) }),
  });
  worker = await startWorker({ env: { PUBLIC_API_URL: api.baseUrl, SYNC_SWEEP_SECONDS: '1' } });
  f = await newEmailOrganisation(api);
  const sent = await f.salesPro.request(`mutation($input: SendEmailInput!) { sendEmail(input: $input) { id } }`, {
    input: { regardingId: f.opportunityId, to: [FIONA], subject: 'Pricing', body: '<p>Our prices</p>' },
  });
  const id = sent.data?.sendEmail.id;
  const page = await eventually(
    () => timeline(f.salesPro, f.opportunityId),
    (t) => t.edges.some((e) => e.node.id === id && e.node.status === 'SENT' && e.node.internetMessageId),
    'the CRM email to be sent',
  );
  crmEmail = page.edges.find((e) => e.node.id === id)!.node;
}, 90_000);

afterAll(async () => {
  await worker?.stop();
  await api?.stop();
  await f?.org.emulator.stop();
});

async function subjectsTracked(prefix: string): Promise<string[]> {
  const rows: { subject: string }[] = await api.server.dataSource.query(
    `SELECT subject FROM email WHERE "organisationId" = $1 AND subject LIKE $2 AND tracked ORDER BY subject`,
    [f.org.organisation.id, `${prefix}%`],
  );
  return rows.map((r) => r.subject);
}

/** Waits until a sync of the mailbox finished after `since` with nothing left to do. */
async function syncedAfter(mailboxId: string, since: Date) {
  await eventually(
    () =>
      api.server.dataSource.query(`SELECT "lastSyncSuccessAt", "syncStage" FROM mailbox WHERE id = $1`, [mailboxId]),
    (rows: any[]) => rows[0].syncStage === null && rows[0].lastSyncSuccessAt > since,
    'a sync after the deliveries',
  );
  await sleep(300);
}

describe('the incoming email filter', () => {
  const cases = [
    { filter: 'ALL_EMAIL', admits: ['contact', 'reply', 'unknown', 'user'] },
    { filter: 'RESPONSES_TO_CRM_EMAIL', admits: ['reply'] },
    { filter: 'FROM_CRM_LEADS_CONTACTS_ACCOUNTS', admits: ['contact', 'reply'] },
    { filter: 'FROM_EMAIL_ENABLED_RECORDS', admits: ['contact', 'reply', 'user'] },
    { filter: 'NONE', admits: [] },
  ];

  for (const { filter, admits } of cases) {
    it(`${filter} admits exactly ${admits.join(', ') || 'nothing'}`, async () => {
      const manager = f.org.email('sales.manager');
      const mailboxId = f.mailboxOf('sales.manager')!;
      const set = await f.admin.request(
        `mutation($id: ID!, $filter: IncomingFilter!) { updateMailbox(id: $id, input: { incomingFilter: $filter }) { incomingFilter } }`,
        { id: mailboxId, filter },
      );
      expect(set.data?.updateMailbox.incomingFilter).toBe(filter);
      const prefix = `[${filter}]`;
      const since = new Date();
      await f.deliver(manager, { from: FIONA, to: [manager], subject: `${prefix} contact`, body: 'from a contact' });
      await f.deliver(manager, { from: 'nobody@elsewhere.example', to: [manager], subject: `${prefix} unknown` });
      await f.deliver(manager, { from: f.org.email('sales.pro'), to: [manager], subject: `${prefix} user` });
      await f.deliver(manager, {
        from: FIONA,
        to: [manager],
        subject: `${prefix} reply`,
        body: 'answering the CRM email',
        inReplyTo: crmEmail.internetMessageId,
      });
      await syncedAfter(mailboxId, since);
      expect(await subjectsTracked(prefix)).toEqual(admits.map((what) => `${prefix} ${what}`));
    });
  }

  it('puts a reply that carries only the tracking token on the CRM email’s record', async () => {
    const pro = f.org.email('sales.pro');
    await f.deliver(pro, { from: 'colleague@fabrikam.example', to: [pro], subject: `FW: ${crmEmail.subject}` });
    const page = await eventually(
      () => timeline(f.salesPro, f.opportunityId),
      (t) => t.edges.some((e) => e.node.subject === `FW: ${crmEmail.subject}`),
      'the forwarded email with the token',
    );
    expect(page.edges.find((e) => e.node.subject === `FW: ${crmEmail.subject}`)!.node.regarding.id).toBe(
      f.opportunityId,
    );
  });
});

describe('tracking by hand and by category', () => {
  it('trackMessage tracks a message regarding the chosen record and marks it in Exchange; removing the category untracks it', async () => {
    const pro = f.org.email('sales.pro');
    await f.deliver(pro, { from: 'someone@northwind.example', to: [pro], subject: 'Track me by hand' });
    const found = await eventually(
      () => f.graph(`/users/${pro}/messages?$filter=subject eq 'Track me by hand'`),
      (r: any) => r.value.length === 1,
      'the message in Exchange',
    );
    const messageId = found.value[0].id;
    const tracked = await f.salesPro.request(
      `mutation($m: ID!, $x: String!, $r: ID) { trackMessage(mailboxId: $m, exchangeMessageId: $x, regardingId: $r) { id tracked trackedBy regarding { id } } }`,
      { m: f.mailboxOf('sales.pro'), x: messageId, r: f.opportunityId },
    );
    expect(tracked.errors).toBeUndefined();
    expect(tracked.data?.trackMessage).toMatchObject({
      tracked: true,
      trackedBy: 'MANUAL',
      regarding: { id: f.opportunityId },
    });
    expect((await timeline(f.salesPro, f.opportunityId)).edges.map((e) => e.node.subject)).toContain(
      'Track me by hand',
    );
    expect((await f.graph(`/users/${pro}/messages/${messageId}`)).categories).toContain(TRACKED);

    // The user removes the category in Outlook: the email leaves the timeline at the next sync.
    await f.graph(`/users/${pro}/messages/${messageId}`, 'PATCH', { categories: [] });
    await eventually(
      () => timeline(f.salesPro, f.opportunityId),
      (t) => !t.edges.some((e) => e.node.subject === 'Track me by hand'),
      'the untrack by category removal',
    );
  });

  it('the category set in any Exchange client tracks a message; untrackMessage removes it again', async () => {
    const pro = f.org.email('sales.pro');
    await f.deliver(pro, { from: FIONA, to: [pro], subject: 'A question from Fiona' });
    const found = await eventually(
      () => f.graph(`/users/${pro}/messages?$filter=subject eq 'A question from Fiona'`),
      (r: any) => r.value.length === 1,
      'the message in Exchange',
    );
    const messageId = found.value[0].id;
    await sleep(500);
    // Not a response to CRM email: the default filter leaves it out...
    expect(await subjectsTracked('A question from Fiona')).toEqual([]);
    // ...until the user puts the category on it; Fiona's contact timeline shows it then.
    await f.graph(`/users/${pro}/messages/${messageId}`, 'PATCH', { categories: [TRACKED] });
    const page = await eventually(
      () => timeline(f.salesPro, f.contactId),
      (t) => t.edges.some((e) => e.node.subject === 'A question from Fiona'),
      'the category track',
    );
    const email = page.edges.find((e) => e.node.subject === 'A question from Fiona')!.node;
    expect(email.trackedBy).toBe('CATEGORY');

    const untracked = await f.salesPro.request(`mutation($id: ID!) { untrackMessage(emailId: $id) }`, { id: email.id });
    expect(untracked.data?.untrackMessage).toBe(true);
    expect((await timeline(f.salesPro, f.contactId)).edges.some((e) => e.node.id === email.id)).toBe(false);
    expect((await f.graph(`/users/${pro}/messages/${messageId}`)).categories).not.toContain(TRACKED);
  });

  it('refuses a 26th folder tracking rule with a clear error', async () => {
    const pro = f.org.email('sales.pro');
    const mailboxId = f.mailboxOf('sales.pro');
    const RULE = `mutation($m: ID!, $f: String!) { createFolderTrackingRule(mailboxId: $m, folderId: $f) { id } }`;
    for (let i = 1; i <= 26; i += 1) {
      const folder = await f.graph(`/users/${pro}/mailFolders/inbox/childFolders`, 'POST', {
        displayName: `Deal ${i}`,
      });
      const result = await f.salesPro.request(RULE, { m: mailboxId, f: folder.id });
      if (i <= 25) {
        expect(result.errors).toBeUndefined();
        continue;
      }
      expect(result.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
        message: expect.stringContaining('at most 25 folder tracking rules'),
      });
    }
    const rules = await f.salesPro.request(`query($m: ID!) { folderTrackingRules(mailboxId: $m) { id } }`, {
      m: mailboxId,
    });
    expect(rules.data?.folderTrackingRules).toHaveLength(25);
    // A folder outside the Inbox is not offered.
    const sent = await f.graph(`/users/${pro}/mailFolders/sentitems`);
    const refused = await f.salesPro.request(RULE, { m: mailboxId, f: sent.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('subscriptions and failures', () => {
  it('recreates a subscription Exchange removed, and catches up after missed notifications', async () => {
    const resource = `users/${f.org.email('sales.pro')}/messages`;
    const before = (await f.emulatorState()).subscriptions.find((s: any) => s.resource === resource);
    expect(before).toBeDefined();
    const removed = await f.org.control(`/subscriptions/${before.id}/lifecycle`, 'POST', {
      event: 'subscriptionRemoved',
    });
    expect(removed.ok).toBe(true);
    const after = await eventually(
      async () => (await f.emulatorState()).subscriptions.filter((s: any) => s.resource === resource),
      (subs: any[]) => subs.length === 1 && subs[0].id !== before.id,
      'the subscription to be recreated',
    );
    const [{ count }] = await api.server.dataSource.query(
      `SELECT count(*)::int AS count FROM graph_subscription WHERE id = $1`,
      [after[0].id],
    );
    expect(count).toBe(1);

    const mailboxId = f.mailboxOf('sales.pro')!;
    const since = new Date();
    const missed = await f.org.control(`/subscriptions/${after[0].id}/lifecycle`, 'POST', { event: 'missed' });
    expect(missed.ok).toBe(true);
    await syncedAfter(mailboxId, since);
  });

  it('drops a forged notification (wrong clientState) and answers the validation handshake', async () => {
    const sub = (await f.emulatorState()).subscriptions[0];
    const response = await fetch(`${api.baseUrl}/graph/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        value: [
          {
            subscriptionId: sub.id,
            clientState: 'guessed',
            changeType: 'created',
            resource: 'Users/x/Messages/y',
            tenantId: DEMO_TENANT.tenantId,
          },
        ],
      }),
    });
    expect(response.status).toBe(202);
    expect(apiLog.join('')).toMatch(/"rejected":1.*dropped change notifications/);
    const validation = await fetch(`${api.baseUrl}/graph/notifications?validationToken=a%20b%2Bc`, { method: 'POST' });
    expect(await validation.text()).toBe('a b+c');
    expect(validation.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('disables a mailbox whose access Exchange denies, alerts its owner and administrators; Approve and test re-enables it', async () => {
    const manager = f.org.email('sales.manager');
    const mailboxId = f.mailboxOf('sales.manager')!;
    await f.admin.request(
      `mutation($id: ID!) { updateMailbox(id: $id, input: { incomingFilter: ALL_EMAIL }) { id } }`,
      { id: mailboxId },
    );
    const policy = await f.org.control(`/apps/${DEMO_TENANT.clientId}`, 'PATCH', {
      accessPolicyMailboxes: [f.org.email('sales.pro')],
    });
    expect(policy.ok).toBe(true);
    await f.deliver(manager, { from: FIONA, to: [manager], subject: 'While access is denied' });
    const MAILBOX = `query($id: ID!) { mailbox(id: $id) { processingState alerts { code severity message } } }`;
    const disabled = await eventually(
      () => f.admin.request(MAILBOX, { id: mailboxId }),
      (r) => r.data?.mailbox.processingState === 'DISABLED',
      'the mailbox to be disabled',
    );
    expect(disabled.data?.mailbox.alerts).toContainEqual(
      expect.objectContaining({
        code: 'ACCESS_POLICY_DENIED',
        severity: 'ERROR',
        message: expect.stringContaining('access policy'),
      }),
    );
    const managerClient = await api.client.signIn(manager, 'test-password');
    for (const client of [managerClient, f.admin]) {
      const notifications = await client.request(`{ notifications(first: 20) { edges { node { title message } } } }`);
      expect(notifications.data?.notifications.edges.map((e: any) => e.node.title)).toContain(
        `Mailroom stopped processing ${manager}`,
      );
    }

    await f.org.control(`/apps/${DEMO_TENANT.clientId}`, 'PATCH', { accessPolicyMailboxes: null });
    const job = await f.admin.request(`mutation($ids: [ID!]!) { approveAndTestMailboxes(mailboxIds: $ids) { id } }`, {
      ids: [mailboxId],
    });
    expect(job.errors).toBeUndefined();
    await eventually(
      () => f.admin.request(MAILBOX, { id: mailboxId }),
      (r) => r.data?.mailbox.processingState === 'ACTIVE',
      'Approve and test to re-enable the mailbox',
    );
    // The message that arrived while access was denied is not lost.
    await f.deliver(manager, { from: FIONA, to: [manager], subject: 'After access came back' });
    await eventually(
      () => subjectsTracked('After access came back'),
      (subjects) => subjects.length === 1,
      'sync to resume',
    );
    expect(await subjectsTracked('While access is denied')).toEqual(['While access is denied']);
  });
});
