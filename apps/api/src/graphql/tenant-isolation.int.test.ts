// Tenant isolation: an administrator and an API key of organisation A call every operation that
// takes an id, once per id argument, with the id of organisation B's record of that kind (the
// other ids their own). Every call must end NOT_FOUND (or null, for a lookup), and B's records
// must be as they were. An operation taking an id without a row here fails the test.
import { Appointment, Email, EmailServerProfile, Mailbox, Task, type Organisation, type User } from '@mailroom/domain';
import { newOrganisation, newRoleMailboxes, newUser } from '@mailroom/domain/testing';
import { getNamedType, isInputObjectType, isListType, isNonNullType, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../testing/api-harness.ts';
import type { TestClient } from '../testing/graphql-client.ts';
import { clientSchema, operationDocument, sampleValue } from '../testing/schema-calls.ts';

type Kind =
  | 'account'
  | 'contact'
  | 'lead'
  | 'opportunity'
  | 'task'
  | 'appointment'
  | 'email'
  | 'mailbox'
  | 'job'
  | 'folderRule'
  | 'alert'
  | 'notification'
  | 'apiKey'
  | 'profile'
  | 'user';

/** The kind of record each id argument names (`input.x` for fields of an input argument). */
const ID_ARGUMENTS: Record<string, Record<string, Kind>> = {
  account: { id: 'account' },
  appointment: { id: 'appointment' },
  contact: { id: 'contact' },
  email: { id: 'email' },
  folderTrackingRules: { mailboxId: 'mailbox' },
  job: { id: 'job' },
  lead: { id: 'lead' },
  mailFolders: { mailboxId: 'mailbox' },
  mailbox: { id: 'mailbox' },
  opportunity: { id: 'opportunity' },
  task: { id: 'task' },
  timeline: { regardingId: 'opportunity' },
  approveAndTestMailboxes: { mailboxIds: 'mailbox' },
  testAndEnableMailboxes: { mailboxIds: 'mailbox' },
  createAppointment: { 'input.regardingId': 'opportunity' },
  createContact: { 'input.accountId': 'account' },
  createFolderTrackingRule: { mailboxId: 'mailbox', regardingId: 'opportunity' },
  createOpportunity: { 'input.accountId': 'account', 'input.contactIds': 'contact' },
  createTask: { 'input.regardingId': 'opportunity' },
  deleteAppointment: { id: 'appointment' },
  deleteFolderTrackingRule: { id: 'folderRule' },
  deleteTask: { id: 'task' },
  dismissMailboxAlert: { alertId: 'alert' },
  markNotificationsRead: { ids: 'notification' },
  revokeApiKey: { id: 'apiKey' },
  sendEmail: { 'input.regardingId': 'opportunity' },
  setFolderTracking: { mailboxId: 'mailbox' },
  trackMessage: { mailboxId: 'mailbox', regardingId: 'opportunity' },
  untrackMessage: { emailId: 'email' },
  updateAppointment: { id: 'appointment' },
  updateContact: { id: 'contact' },
  updateEmailServerProfile: { 'input.id': 'profile' },
  updateMailbox: { id: 'mailbox' },
  updateTask: { id: 'task' },
  updateUser: { 'input.userId': 'user', 'input.managerId': 'user' },
  jobProgress: { jobId: 'job' },
  timelineChanged: { regardingId: 'opportunity' },
};

/** Values a sample cannot stand for, so the call reaches the id check. */
const VALID: Record<string, Record<string, unknown>> = {
  sendEmail: { input: { to: ['fiona@fabrikam.example'], subject: 'Hello', body: '<p>Hi</p>' } },
  createAppointment: { input: { subject: 'Call', start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z' } },
  createTask: { input: { subject: 'Call' } },
  createContact: { input: { firstName: 'A', lastName: 'B' } },
  createOpportunity: { input: { name: 'Deal' } },
  createFolderTrackingRule: { folderId: 'AAMkAD' },
  trackMessage: { exchangeMessageId: 'AAMkAD' },
};

/** Sets `path` (`a` or `a.b`) in `variables`, as a list where the argument is one. */
function setPath(variables: Record<string, unknown>, path: string, value: string, list: boolean) {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) variables[head] = list ? [value] : value;
  else variables[head] = { ...(variables[head] as object), [tail]: list ? [value] : value };
}

type Records = Record<Kind, string>;

async function recordsOf(ds: DataSource, api: ApiHarness, organisation: Organisation, admin: User) {
  const client = await api.client.signIn(admin.primaryEmail, 'pw');
  const created = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await client.request(query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return Object.values(result.data!)[0] as { id: string };
  };
  const account = await created('mutation { createAccount(input: { name: "Fabrikam" }) { id } }');
  const contact = await created(
    'mutation($a: ID!) { createContact(input: { firstName: "Fiona", lastName: "F", accountId: $a }) { id } }',
    { a: account.id },
  );
  const lead = await created('mutation { createLead(input: { firstName: "Lee", lastName: "L" }) { id } }');
  const opportunity = await created(
    'mutation($a: ID!) { createOpportunity(input: { name: "Renewal", accountId: $a }) { id } }',
    { a: account.id },
  );
  const task = await created('mutation($r: ID!) { createTask(input: { regardingId: $r, subject: "Call" }) { id } }', {
    r: opportunity.id,
  });
  const appointment = await created(
    `mutation($r: ID!) { createAppointment(input: { regardingId: $r, subject: "Meet",
       start: "2026-12-01T09:00:00.000Z", end: "2026-12-01T10:00:00.000Z" }) { id } }`,
    { r: opportunity.id },
  );
  const apiKey = (await client.request('mutation { createApiKey(name: "k") { apiKey { id } secret } }')).data!
    .createApiKey as { apiKey: { id: string }; secret: string };
  const mailboxes = await newRoleMailboxes(ds, organisation);
  const mailbox = mailboxes.find((m) => m.ownerUserId === admin.id) ?? mailboxes[0]!;
  const [email] = await ds.query(
    `INSERT INTO email ("organisationId", direction, status, subject, body, "trackedBy", "ownerUserId", "occurredAt",
                        "regardingType", "regardingId")
     VALUES ($1, 'INCOMING', 'RECEIVED', 'Quote', 'b', 'MANUAL', $2, now(), 'OPPORTUNITY', $3) RETURNING id`,
    [organisation.id, admin.id, opportunity.id],
  );
  const [job] = await ds.query(`INSERT INTO job ("organisationId", kind) VALUES ($1, 'HEARTBEAT') RETURNING id`, [
    organisation.id,
  ]);
  const [folderRule] = await ds.query(
    `INSERT INTO folder_tracking_rule ("organisationId", "mailboxId", "userId", "folderId", "folderPath", "regardingType", "regardingId")
     VALUES ($1, $2, $3, 'AAMkFolder', 'Inbox/Fabrikam', 'OPPORTUNITY', $4) RETURNING id`,
    [organisation.id, mailbox.id, admin.id, opportunity.id],
  );
  const [alert] = await ds.query(
    `INSERT INTO mailbox_alert ("organisationId", "mailboxId", severity, code, message, "firstOccurredAt", "lastOccurredAt")
     VALUES ($1, $2, 'ERROR', 'TEST', 'Test alert', now(), now()) RETURNING id`,
    [organisation.id, mailbox.id],
  );
  const [notification] = await ds.query(
    `INSERT INTO notification ("organisationId", "userId", kind, title, message, data)
     VALUES ($1, $2, 'MAILBOX_ALERT', 'T', 'M', '{}') RETURNING id`,
    [organisation.id, admin.id],
  );
  const profile = await ds.getRepository(EmailServerProfile).findOneByOrFail({ organisationId: organisation.id });
  const records: Records = {
    account: account.id,
    contact: contact.id,
    lead: lead.id,
    opportunity: opportunity.id,
    task: task.id,
    appointment: appointment.id,
    email: email.id,
    mailbox: mailbox.id,
    job: job.id,
    folderRule: folderRule.id,
    alert: alert.id,
    notification: notification.id,
    apiKey: apiKey.apiKey.id,
    profile: profile.id,
    user: admin.id,
  };
  return { client, records, apiKeySecret: apiKey.secret };
}

let api: ApiHarness;
let ds: DataSource;
let schema: GraphQLSchema;
let mine: Records;
let theirs: Records & { organisation: string };
let callers: [string, TestClient][];
let ourAdmin: TestClient;
let theirAdmin: TestClient;

/** What B's records look like, to compare after every attempt. */
async function snapshotOf(records: Records & { organisation: string }) {
  const one = async (sql: string, id: string) => (await ds.query(sql, [id]))[0] ?? null;
  return {
    task: await ds.getRepository(Task).findOneBy({ id: records.task }),
    appointment: await ds.getRepository(Appointment).findOneBy({ id: records.appointment }),
    email: await ds.getRepository(Email).findOneBy({ id: records.email }),
    mailbox: await ds.getRepository(Mailbox).findOneBy({ id: records.mailbox }),
    contact: await one(`SELECT * FROM contact WHERE id = $1`, records.contact),
    rule: await one(`SELECT * FROM folder_tracking_rule WHERE id = $1`, records.folderRule),
    alert: await one(`SELECT "dismissedAt", "readAt" FROM mailbox_alert WHERE id = $1`, records.alert),
    notification: await one(`SELECT "readAt" FROM notification WHERE id = $1`, records.notification),
    apiKey: await one(`SELECT "revokedAt" FROM api_key WHERE id = $1`, records.apiKey),
    profile: await one(`SELECT * FROM email_server_profile WHERE id = $1`, records.profile),
    user: await one(`SELECT "managerUserId", disabled FROM app_user WHERE id = $1`, records.user),
    counts: await ds.query(
      `SELECT (SELECT count(*)::int FROM task WHERE "organisationId" = $1) AS tasks,
              (SELECT count(*)::int FROM appointment WHERE "organisationId" = $1) AS appointments,
              (SELECT count(*)::int FROM contact WHERE "organisationId" = $1) AS contacts,
              (SELECT count(*)::int FROM opportunity WHERE "organisationId" = $1) AS opportunities,
              (SELECT count(*)::int FROM email WHERE "organisationId" = $1) AS emails,
              (SELECT count(*)::int FROM job WHERE "organisationId" = $1) AS jobs`,
      [records.organisation],
    ),
  };
}

beforeAll(async () => {
  api = await startApi();
  ds = api.server.dataSource;
  const [a, b] = [await newOrganisation(ds), await newOrganisation(ds)];
  const adminOf = (organisation: Organisation) =>
    newUser(ds, organisation, { roles: ['SYSTEM_ADMINISTRATOR', 'SALES_PROFESSIONAL'], password: 'pw' });
  const ours = await recordsOf(ds, api, a, await adminOf(a));
  const others = await recordsOf(ds, api, b, await adminOf(b));
  mine = ours.records;
  ourAdmin = ours.client;
  theirAdmin = others.client;
  theirs = { ...others.records, organisation: b.id };
  callers = [
    ['administrator of A', ours.client],
    ['API key of A', api.client.withToken(ours.apiKeySecret)],
  ];
  schema = await clientSchema(api.client);
}, 60_000);

afterAll(() => api?.stop());

describe('tenant isolation', () => {
  it('has a row for every operation that takes an id', () => {
    const roots = [schema.getQueryType()!, schema.getMutationType()!, schema.getSubscriptionType()!];
    const takingIds = roots.flatMap((root) =>
      Object.values(root.getFields())
        .filter((field) =>
          field.args.some((arg) => {
            const named = getNamedType(arg.type);
            return (
              named.name === 'ID' ||
              (isInputObjectType(named) &&
                Object.values(named.getFields()).some((f) => getNamedType(f.type).name === 'ID'))
            );
          }),
        )
        .map((field) => field.name),
    );
    expect(takingIds.filter((name) => !(name in ID_ARGUMENTS))).toEqual([]);
  });

  it("finds none of B's records for A's administrator or API key, and changes none", async () => {
    const before = await snapshotOf(theirs);
    const leaks: string[] = [];
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      const kind = root === schema.getQueryType() ? 'query' : 'mutation';
      for (const [name, idArgs] of Object.entries(ID_ARGUMENTS)) {
        const field = root.getFields()[name];
        if (!field) continue;
        for (const [path, recordKind] of Object.entries(idArgs)) {
          // Every id argument ours, then this one theirs.
          const variables: Record<string, unknown> = {};
          for (const arg of field.args) variables[arg.name] = sampleValue(arg.type);
          for (const [key, value] of Object.entries(VALID[name] ?? {})) {
            variables[key] =
              typeof value === 'object' && !Array.isArray(value)
                ? { ...(variables[key] as object), ...(value as object) }
                : value;
          }
          const listAt = (p: string) => {
            const [head, tail] = p.split('.') as [string, string | undefined];
            const arg = field.args.find((a) => a.name === head)!;
            const type = tail === undefined ? arg.type : (getNamedType(arg.type) as any).getFields()[tail].type;
            return isListType(isNonNullType(type) ? type.ofType : type);
          };
          for (const [other, otherKind] of Object.entries(idArgs))
            setPath(variables, other, mine[otherKind], listAt(other));
          setPath(variables, path, theirs[recordKind], listAt(path));
          const document = operationDocument(kind, field);
          for (const [who, client] of callers) {
            // Keys do not manage keys at all (the authorisation matrix checks that).
            if (name === 'revokeApiKey' && who.startsWith('API key')) continue;
            const result = await client.request(document, variables);
            const code = result.errors?.[0]?.extensions?.code;
            const notFound = code === 'NOT_FOUND' || (!result.errors && result.data?.[name] === null);
            if (!notFound) leaks.push(`${name}(${path}: B's ${recordKind}) as ${who}: ${JSON.stringify(result)}`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshotOf(theirs)).toEqual(before);
  }, 120_000);

  it("never hears B's mailbox events on its own subscriptions", async () => {
    const subscription = ourAdmin.subscribe(
      'subscription { mailboxStatusChanged { id } }',
      {},
      (events) => events.length > 0,
      10_000,
    );
    await subscription.connected;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // B's event first, then A's own: only A's arrives.
    const dismiss = 'mutation($id: ID!) { dismissMailboxAlert(alertId: $id) { id } }';
    expect((await theirAdmin.request(dismiss, { id: theirs.alert })).errors).toBeUndefined();
    expect((await ourAdmin.request(dismiss, { id: mine.alert })).errors).toBeUndefined();
    const events = await subscription.events;
    expect(
      events.map((event) => (event.data as { mailboxStatusChanged: { id: string } }).mailboxStatusChanged.id),
    ).toEqual([mine.mailbox]);
  });

  it("cannot subscribe to B's timeline or job", async () => {
    for (const [who, client] of callers) {
      for (const [query, variables] of [
        ['subscription($id: ID!) { timelineChanged(regardingId: $id) { change } }', { id: theirs.opportunity }],
        ['subscription($id: ID!) { jobProgress(jobId: $id) { id } }', { id: theirs.job }],
      ] as const) {
        const events = await client.subscribe(query, variables, (received) => received.length > 0, 2_000).events;
        expect(events[0]?.errors?.[0]?.extensions?.code, `${query} as ${who}`).toBe('NOT_FOUND');
      }
    }
  });
});
