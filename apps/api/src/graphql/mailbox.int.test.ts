import { randomUUID } from 'node:crypto';
import { newOrganisation, newRoleMailboxes, newUser } from '@mailroom/domain/testing';
import { Mailbox, decideSyncFailure, failureAlert, raiseAlert, type Organisation, type User } from '@mailroom/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../testing/api-harness.ts';
import type { TestClient } from '../testing/graphql-client.ts';

let api: ApiHarness;
let organisation: Organisation;
let admin: TestClient;
let salesPro: TestClient;
let salesProUser: User;
let otherOrgMailboxId: string;

const MAILBOXES = `query($filter: MailboxFilter, $first: Int, $after: String) {
  mailboxes(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id emailAddress owner { displayName } approvalStatus incomingStatus outgoingStatus actStatus testRunStatus processingState enabledForIncoming lastSyncAt alerts { code } } }
  }
}`;

beforeAll(async () => {
  api = await startApi();
  const ds = api.server.dataSource;
  organisation = await newOrganisation(ds);
  await newUser(ds, organisation, {
    primaryEmail: `admin@${organisation.id}.example`,
    roles: ['SYSTEM_ADMINISTRATOR'],
    password: 'pw-admin',
  });
  salesProUser = await newUser(ds, organisation, {
    displayName: 'Paola Pro',
    primaryEmail: `pro@${organisation.id}.example`,
    password: 'pw-pro',
  });
  for (let i = 0; i < 4; i++)
    await newUser(ds, organisation, { primaryEmail: `seller${i}@${organisation.id}.example` });
  await newRoleMailboxes(ds, organisation);
  admin = await api.client.signIn(`admin@${organisation.id}.example`, 'pw-admin');
  salesPro = await api.client.signIn(`pro@${organisation.id}.example`, 'pw-pro');

  const other = await newOrganisation(ds);
  await newUser(ds, other);
  otherOrgMailboxId = (await newRoleMailboxes(ds, other))[0]!.id;
});
afterAll(() => api.stop());

describe('mailboxes', () => {
  it('lists every mailbox of the organisation to an administrator, Not run and not approved', async () => {
    const result = await admin.request(MAILBOXES);
    expect(result.errors).toBeUndefined();
    const connection = result.data?.mailboxes;
    expect(connection.totalCount).toBe(5);
    expect(connection.edges.map((e: any) => e.node.emailAddress)).toEqual([
      `pro@${organisation.id}.example`,
      ...[0, 1, 2, 3].map((i) => `seller${i}@${organisation.id}.example`),
    ]);
    expect(connection.edges[0].node).toMatchObject({
      owner: { displayName: 'Paola Pro' },
      approvalStatus: 'NOT_APPROVED',
      incomingStatus: 'NOT_RUN',
      outgoingStatus: 'NOT_RUN',
      actStatus: 'NOT_RUN',
      testRunStatus: 'NOT_RUN',
      processingState: 'ACTIVE',
      enabledForIncoming: false,
      lastSyncAt: null,
      alerts: [],
    });
  });

  it('pages by cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: any = await admin.request(MAILBOXES, { first: 2, after });
      const page = result.data.mailboxes;
      seen.push(...page.edges.map((e: any) => e.node.emailAddress));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('filters by search text and by status', async () => {
    const search = await admin.request(MAILBOXES, { filter: { search: 'PAOLA' } });
    expect(search.data?.mailboxes.edges.map((e: any) => e.node.emailAddress)).toEqual([
      `pro@${organisation.id}.example`,
    ]);
    const failures = await admin.request(MAILBOXES, { filter: { testRunStatus: 'FAILURE' } });
    expect(failures.data?.mailboxes.totalCount).toBe(0);
  });

  it('shows a salesperson only their own mailbox', async () => {
    const result = await salesPro.request(MAILBOXES);
    expect(result.data?.mailboxes.edges.map((e: any) => e.node.owner.displayName)).toEqual([salesProUser.displayName]);
  });

  it('rejects a bad cursor or page size with BAD_USER_INPUT', async () => {
    const badCursor = await admin.request(MAILBOXES, { after: 'garbage' });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await admin.request(MAILBOXES, { first: 100000 });
    expect(tooMany.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: '"first" must be between 1 and 200.',
    });
  });

  it('never shows another organisation’s mailbox', async () => {
    const result = await admin.request('query($id: ID!) { mailbox(id: $id) { id } }', { id: otherOrgMailboxId });
    expect(result.data).toEqual({ mailbox: null });
    const garbage = await admin.request('query($id: ID!) { mailbox(id: $id) { id } }', { id: 'not-a-uuid' });
    expect(garbage.data).toEqual({ mailbox: null });
    const random = await admin.request('query($id: ID!) { job(id: $id) { id } }', { id: randomUUID() });
    expect(random.data).toEqual({ job: null });
  });
});

describe('administrator-only operations', () => {
  it('are FORBIDDEN to a salesperson', async () => {
    const result = await salesPro.request('mutation { pingWorker { id } }');
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});

describe('managers', () => {
  it('see their own and their team’s mailboxes, not the rest of the organisation’s', async () => {
    const ds = api.server.dataSource;
    const lead = await newUser(ds, organisation, {
      displayName: 'Mona Manager',
      primaryEmail: `lead@${organisation.id}.example`,
      roles: ['SALES_PROFESSIONAL_MANAGER'],
      password: 'pw-lead',
    });
    const report = await newUser(ds, organisation, { primaryEmail: `report@${organisation.id}.example` });
    await newRoleMailboxes(ds, organisation);
    const setManager = await admin.request(
      'mutation($input: UpdateUserInput!) { updateUser(input: $input) { manager { displayName } } }',
      {
        input: { userId: report.id, managerId: lead.id },
      },
    );
    expect(setManager.data?.updateUser).toEqual({ manager: { displayName: 'Mona Manager' } });

    const manager = await api.client.signIn(lead.primaryEmail, 'pw-lead');
    const seen = await manager.request(MAILBOXES);
    expect(seen.data?.mailboxes.edges.map((e: any) => e.node.emailAddress).sort()).toEqual(
      [lead.primaryEmail, report.primaryEmail].sort(),
    );
  });
});

describe('sync history', () => {
  const HISTORY = `query($id: ID!, $first: Int) { mailbox(id: $id) { syncHistory(first: $first) {
    outcome messagesStored copiesAttached foldersRead foldersResynced failureKind failureMessage failureCode failureParams
    startedAt finishedAt } } }`;

  it('lists a mailbox’s recorded runs newest first to whoever may see the mailbox, and to nobody else', async () => {
    const ds = api.server.dataSource;
    const mailboxOf = async (userId: string) =>
      ((await ds.query(`SELECT id FROM mailbox WHERE "ownerUserId" = $1`, [userId])) as { id: string }[])[0]!.id;
    const proMailbox = await mailboxOf(salesProUser.id);
    await ds.query(
      `INSERT INTO mailbox_sync_run ("organisationId", "mailboxId", "startedAt", "finishedAt", outcome,
              "messagesStored", "foldersRead", "failureKind", "failureMessage", "failureCode", "failureParams")
       VALUES ($1, $2, now() - interval '2 hours', now() - interval '2 hours' + interval '3 seconds', 'SUCCESS', 12, 2, NULL, NULL, NULL, NULL),
              ($1, $2, now() - interval '1 hour', now() - interval '1 hour', 'FAILED', 0, 0, 'THROTTLED', 'Try later.',
               'RETRY_THROTTLED', '{"seconds": 30}')`,
      [organisation.id, proMailbox],
    );

    const own = await salesPro.request(HISTORY, { id: proMailbox });
    expect(own.errors).toBeUndefined();
    expect(own.data?.mailbox.syncHistory).toMatchObject([
      {
        outcome: 'FAILED',
        failureKind: 'THROTTLED',
        failureMessage: 'Try later.',
        failureCode: 'RETRY_THROTTLED',
        failureParams: { seconds: 30 },
        messagesStored: 0,
      },
      {
        outcome: 'SUCCESS',
        messagesStored: 12,
        foldersRead: 2,
        failureKind: null,
        failureMessage: null,
        failureCode: null,
        failureParams: null,
      },
    ]);
    expect((await admin.request(HISTORY, { id: proMailbox, first: 1 })).data?.mailbox.syncHistory).toMatchObject([
      { outcome: 'FAILED' },
    ]);

    // A colleague sees neither the mailbox nor, therefore, its history.
    const colleague = await newUser(ds, organisation, {
      primaryEmail: `peer@${organisation.id}.example`,
      password: 'pw-peer',
    });
    await newRoleMailboxes(ds, organisation);
    const peer = await api.client.signIn(colleague.primaryEmail, 'pw-peer');
    expect((await peer.request(HISTORY, { id: proMailbox })).data).toEqual({ mailbox: null });
    expect((await peer.request(HISTORY, { id: await mailboxOf(colleague.id) })).data).toEqual({
      mailbox: { syncHistory: [] },
    });
  });
});

describe('alerts', () => {
  const ALERTS = `query($id: ID!) { mailbox(id: $id) { alerts { code message params count } } }`;

  it('keep what their message is made of, so a client can word them in its reader’s language', async () => {
    const ds = api.server.dataSource;
    const mailbox = await ds.getRepository(Mailbox).findOneByOrFail({ ownerUserId: salesProUser.id });
    await raiseAlert(
      ds.manager,
      organisation,
      mailbox,
      failureAlert(mailbox, 'outgoing', { kind: 'PERMISSION_MISSING', permission: 'Mail.Send' }),
    );
    const repeated = decideSyncFailure(mailbox, 'incoming', { kind: 'TRANSIENT' }, 9);
    if (!repeated.disable) throw new Error('the tenth transient failure in a row disables the mailbox');
    await raiseAlert(ds.manager, organisation, mailbox, repeated.alert, new Date(Date.now() + 1000));
    // An alert raised before params were kept has none.
    await ds.query(
      `INSERT INTO mailbox_alert ("organisationId", "mailboxId", severity, code, message, "firstOccurredAt", "lastOccurredAt")
       VALUES ($1, $2, 'ERROR', 'CREDENTIALS_INVALID', 'Rejected.', now() - interval '1 day', now() - interval '1 day')`,
      [organisation.id, mailbox.id],
    );

    const result = await salesPro.request(ALERTS, { id: mailbox.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.mailbox.alerts).toEqual([
      {
        code: 'SYNC_REPEATEDLY_FAILED',
        message: repeated.alert.message,
        params: { address: mailbox.emailAddress, failures: 10 },
        count: 1,
      },
      {
        code: 'PERMISSION_MISSING_MAIL_SEND',
        message: expect.stringContaining('Mail.Send'),
        params: { permission: 'Mail.Send', channel: 'outgoing' },
        count: 1,
      },
      { code: 'CREDENTIALS_INVALID', message: 'Rejected.', params: null, count: 1 },
    ]);

    // A repeat folds into the open alert and keeps the latest params.
    await raiseAlert(
      ds.manager,
      organisation,
      mailbox,
      failureAlert(mailbox, 'act', { kind: 'PERMISSION_MISSING', permission: 'Mail.Send' }),
      new Date(Date.now() + 2000),
    );
    const again = await salesPro.request(ALERTS, { id: mailbox.id });
    expect(again.data?.mailbox.alerts[0]).toMatchObject({
      code: 'PERMISSION_MISSING_MAIL_SEND',
      params: { permission: 'Mail.Send', channel: 'act' },
      count: 2,
    });
  });
});
