import { randomBytes } from 'node:crypto';
import { EmailSendRunner, SecretCipher, type Organisation } from '@mailroom/domain';
import { newOrganisation, newRoleMailboxes, newUser } from '@mailroom/domain/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../testing/api-harness.ts';
import type { TestClient } from '../testing/graphql-client.ts';

let api: ApiHarness;
let organisation: Organisation;
let seller: TestClient;
let colleague: TestClient;
let opportunityId: string;

const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) {
  id subject status importance dueAt completedAt occurredAt regarding { id type name } owner { displayName } } }`;
const TIMELINE = `query($id: ID!) { timeline(regardingId: $id) { totalCount edges { node { __typename id subject
  ... on Task { status dueAt } } } } }`;

beforeAll(async () => {
  api = await startApi();
  const ds = api.server.dataSource;
  organisation = await newOrganisation(ds);
  const mk = async (local: string) => {
    const user = await newUser(ds, organisation, {
      displayName: local,
      primaryEmail: `${local}@${organisation.id}.example`,
      roles: ['SALES_PROFESSIONAL'],
      password: 'pw',
    });
    return api.client.signIn(user.primaryEmail, 'pw');
  };
  seller = await mk('seller');
  colleague = await mk('colleague');
  const account = await seller.request('mutation { createAccount(input: { name: "Fabrikam" }) { id } }');
  const opportunity = await seller.request(
    'mutation($account: ID!) { createOpportunity(input: { name: "Fabrikam renewal", accountId: $account }) { id } }',
    { account: account.data?.createAccount.id },
  );
  opportunityId = opportunity.data?.createOpportunity.id;
});
afterAll(() => api.stop());

describe('tasks', () => {
  it('creates a task from an opportunity; it shows on the timeline and in my tasks', async () => {
    const created = await seller.request(CREATE, {
      input: { regardingId: opportunityId, subject: '  Send the revised quote ', dueAt: '2026-12-04T09:00:00.000Z' },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createTask).toMatchObject({
      subject: 'Send the revised quote',
      status: 'NOT_STARTED',
      importance: 'NORMAL',
      dueAt: '2026-12-04T09:00:00.000Z',
      completedAt: null,
      regarding: { id: opportunityId, type: 'OPPORTUNITY', name: 'Fabrikam renewal' },
      owner: { displayName: 'seller' },
    });
    const timeline = await seller.request(TIMELINE, { id: opportunityId });
    expect(timeline.data?.timeline.edges.map((e: any) => e.node)).toEqual([
      {
        __typename: 'Task',
        id: created.data?.createTask.id,
        subject: 'Send the revised quote',
        status: 'NOT_STARTED',
        dueAt: '2026-12-04T09:00:00.000Z',
      },
    ]);
    const mine = await seller.request('{ tasks { totalCount edges { node { subject } } } }');
    expect(mine.data?.tasks.edges.map((e: any) => e.node.subject)).toContain('Send the revised quote');
    expect((await colleague.request('{ tasks { totalCount } }')).data?.tasks.totalCount).toBe(0);
  });

  it('completes, changes and deletes a task; others cannot touch it', async () => {
    const created = await seller.request(CREATE, { input: { regardingId: opportunityId, subject: 'Book the demo' } });
    const id = created.data?.createTask.id;
    const UPDATE = `mutation($id: ID!, $input: UpdateTaskInput!) { updateTask(id: $id, input: $input) { status completedAt importance } }`;
    // A colleague who may not see the opportunity does not see its tasks either.
    const denied = await colleague.request(UPDATE, { id, input: { status: 'COMPLETED' } });
    expect(denied.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const completed = await seller.request(UPDATE, { id, input: { status: 'COMPLETED', importance: 'HIGH' } });
    expect(completed.data?.updateTask).toMatchObject({ status: 'COMPLETED', importance: 'HIGH' });
    expect(completed.data?.updateTask.completedAt).not.toBeNull();

    const reopened = await seller.request(UPDATE, { id, input: { status: 'IN_PROGRESS' } });
    expect(reopened.data?.updateTask.completedAt).toBeNull();

    expect((await seller.request('mutation($id: ID!) { deleteTask(id: $id) }', { id })).data?.deleteTask).toBe(true);
    const gone = await seller.request('query($id: ID!) { task(id: $id) { id } }', { id });
    expect(gone.data?.task).toBeNull();
    const timeline = await seller.request(TIMELINE, { id: opportunityId });
    expect(timeline.data?.timeline.edges.some((e: any) => e.node.id === id)).toBe(false);
  });

  it('refuses a task without a subject, or for a record the caller may not see, with a clear error', async () => {
    const empty = await seller.request(CREATE, { input: { regardingId: opportunityId, subject: '   ' } });
    expect(empty.errors?.[0]).toMatchObject({
      message: 'A task needs a subject.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const hidden = await colleague.request(CREATE, { input: { regardingId: opportunityId, subject: 'Peek' } });
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('appointments', () => {
  const CREATE_APPOINTMENT = `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) {
    id subject startAt endAt location occurredAt attendees { address resolvedType } regarding { id type } } }`;

  it('creates an appointment from an opportunity; it shows on the timeline and in my appointments', async () => {
    const created = await seller.request(CREATE_APPOINTMENT, {
      input: {
        regardingId: opportunityId,
        subject: 'Pricing call',
        start: '2026-12-08T10:00:00.000Z',
        end: '2026-12-08T11:00:00.000Z',
        attendees: ['Fiona@Fabrikam.example'],
        location: 'Teams',
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createAppointment).toMatchObject({
      subject: 'Pricing call',
      occurredAt: '2026-12-08T10:00:00.000Z',
      location: 'Teams',
      attendees: [{ address: 'fiona@fabrikam.example', resolvedType: null }],
      regarding: { id: opportunityId, type: 'OPPORTUNITY' },
    });
    const timeline = await seller.request(
      `query($id: ID!) { timeline(regardingId: $id) { edges { node { __typename subject ... on Appointment { startAt } } } } }`,
      { id: opportunityId },
    );
    expect(timeline.data?.timeline.edges.map((e: any) => e.node)).toContainEqual({
      __typename: 'Appointment',
      subject: 'Pricing call',
      startAt: '2026-12-08T10:00:00.000Z',
    });
    const mine = await seller.request('{ appointments { totalCount edges { node { subject } } } }');
    expect(mine.data?.appointments.edges.map((e: any) => e.node.subject)).toEqual(['Pricing call']);
  });

  it('refuses an appointment that ends before it starts, or with an attendee that is not an address', async () => {
    const backwards = await seller.request(CREATE_APPOINTMENT, {
      input: { subject: 'Oops', start: '2026-12-08T11:00:00.000Z', end: '2026-12-08T10:00:00.000Z' },
    });
    expect(backwards.errors?.[0]).toMatchObject({
      message: 'An appointment cannot end before it starts.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const allDayAtTen = await seller.request(CREATE_APPOINTMENT, {
      input: { subject: 'Offsite', start: '2026-12-08T10:00:00.000Z', end: '2026-12-09T10:00:00.000Z', isAllDay: true },
    });
    expect(allDayAtTen.errors?.[0]).toMatchObject({
      message: 'An all-day appointment starts and ends at midnight (UTC) and lasts at least one day.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const badAttendee = await seller.request(CREATE_APPOINTMENT, {
      input: {
        subject: 'Oops',
        start: '2026-12-08T10:00:00.000Z',
        end: '2026-12-08T11:00:00.000Z',
        attendees: ['fiona at fabrikam'],
      },
    });
    expect(badAttendee.errors?.[0]).toMatchObject({
      message: '"fiona at fabrikam" in Attendees is not an email address.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('emails', () => {
  it('say why sending failed as a code beside the English reason, for a client to word in its language', async () => {
    const ds = api.server.dataSource;
    const opportunity = await seller.request('mutation { createOpportunity(input: { name: "Contoso pilot" }) { id } }');
    const regardingId = opportunity.data?.createOpportunity.id;
    await newRoleMailboxes(ds, organisation);
    const [{ id: mailboxId }] = await ds.query(
      `SELECT m.id FROM mailbox m JOIN app_user u ON u.id = m."ownerUserId" WHERE u."primaryEmail" = $1`,
      [`seller@${organisation.id}.example`],
    );
    const enable = (enabled: boolean) =>
      ds.query(
        `UPDATE mailbox SET "outgoingMethod" = 'SERVER_SIDE_SYNC', "enabledForOutgoing" = $2, "processingState" = 'ACTIVE'
          WHERE id = $1`,
        [mailboxId, enabled],
      );
    await enable(true);
    const sent = await seller.request('mutation($input: SendEmailInput!) { sendEmail(input: $input) { id status } }', {
      input: { regardingId, to: ['fiona@fabrikam.example'], subject: 'Pilot plan', body: '<p>Plan</p>' },
    });
    expect(sent.data?.sendEmail.status).toBe('PENDING_SEND');
    // An administrator turned outgoing email off before the worker got to it.
    await enable(false);
    const noExchange = () => {
      throw new Error('a mailbox that may not send should not reach Exchange');
    };
    await new EmailSendRunner(
      ds,
      new SecretCipher(randomBytes(32)),
      noExchange,
      { publish: async () => undefined },
      {
        acquire: async () => 0,
      },
    ).run(sent.data?.sendEmail.id, true);

    const timeline = await seller.request(
      `query($id: ID!) { timeline(regardingId: $id) { edges { node { __typename
        ... on Email { status failureReason failureCode failureParams } } } } }`,
      { id: regardingId },
    );
    expect(timeline.errors).toBeUndefined();
    expect(timeline.data?.timeline.edges.map((e: any) => e.node)).toEqual([
      {
        __typename: 'Email',
        status: 'FAILED',
        failureReason:
          'The mailbox to send from is no longer enabled for outgoing email; an administrator can run Approve and test on it, then send again.',
        failureCode: 'MAILBOX_NOT_ENABLED',
        failureParams: {},
      },
    ]);
  });
});
