// Tasks ↔ To Do, both ways, against the emulator over HTTPS through the Graph SDK and a real
// PostgreSQL: the ACT sync runner in this process, To Do changed as a user would (Graph).
import { randomBytes } from 'node:crypto';
import {
  ActSyncRunner,
  Appointment,
  AppointmentService,
  Contact,
  CrmRecordService,
  EmailService,
  createDataSource,
  Mailbox,
  Organisation,
  SecretCipher,
  Task,
  TaskService,
  type EventPublisher,
  type Principal,
} from '@mailroom/domain';
import { newRoleMailboxes, principalOf } from '@mailroom/domain/testing';
import { createExchangeGateways } from '@mailroom/graph-adapter';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_TENANT, newExchangeOrganisation, type ExchangeOrganisation } from './exchange-org.ts';

let dataSource: DataSource;
let org: ExchangeOrganisation;
let runner: ActSyncRunner;
let tasks: TaskService;
let appointments: AppointmentService;
let pro: Principal;
let mailboxId: string;
let upn: string;
let listId: string;
let token: string;
let cipher: SecretCipher;

const FIONA = 'fiona@fabrikam.example';
const DAY = 24 * 3600_000;
/** An instant `days` from now, on the hour. */
const inDays = (days: number, hour = 10) => {
  const at = new Date(Date.now() + days * DAY);
  at.setUTCHours(hour, 0, 0, 0);
  return at;
};

const events: EventPublisher = { publish: async () => {} };

async function graph(path: string, method = 'GET', body?: unknown): Promise<any> {
  const response = await fetch(`${org.emulator.url}/v1.0${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

const todo = (suffix = '') => `/users/${encodeURIComponent(upn)}/todo/lists/${listId}/tasks${suffix}`;

/** Every task of the default list (all pages). */
async function todoTasks(): Promise<any[]> {
  const all: any[] = [];
  let url: string | undefined = `${todo()}?$top=500`;
  while (url) {
    const page: any = await graph(url);
    all.push(...page.value);
    url = page['@odata.nextLink']?.replace(`${org.emulator.url}/v1.0`, '');
  }
  return all;
}

async function sync() {
  expect(await runner.run(mailboxId)).toBe('SYNCED');
  return runner.lastCounts;
}

const crmTask = (subject: string) =>
  dataSource.getRepository(Task).findOneBy({ subject, ownerUserId: pro.userId, organisationId: pro.organisationId });

beforeAll(async () => {
  dataSource = createDataSource({ url: inject('databaseUrl') });
  await dataSource.initialize();
  org = await newExchangeOrganisation(dataSource);
  cipher = new SecretCipher(randomBytes(32));
  await dataSource.getRepository(Organisation).update(
    { id: org.organisation.id },
    {
      tenantId: DEMO_TENANT.tenantId,
      appClientId: DEMO_TENANT.clientId,
      appClientSecretEncrypted: cipher.encrypt(DEMO_TENANT.clientSecret),
    },
  );
  await newRoleMailboxes(dataSource, org.organisation);
  upn = org.email('sales.pro');
  const salesPro = org.users.get('sales.pro')!;
  pro = await principalOf(dataSource, salesPro);
  const mailbox = await dataSource.getRepository(Mailbox).findOneByOrFail({ ownerUserId: salesPro.id });
  mailboxId = mailbox.id;
  await dataSource
    .getRepository(Mailbox)
    .update(
      { id: mailboxId },
      { approvalStatus: 'APPROVED', actMethod: 'SERVER_SIDE_SYNC', enabledForAct: true, actStatus: 'SUCCESS' },
    );
  runner = new ActSyncRunner(dataSource, cipher, createExchangeGateways(), events, { pageSize: 200 });
  tasks = new TaskService(dataSource);
  appointments = new AppointmentService(dataSource);
  await dataSource.getRepository(Contact).insert({
    organisationId: org.organisation.id,
    firstName: 'Fiona',
    lastName: 'Fabrikam',
    emailAddress: FIONA,
    ownerUserId: salesPro.id,
  });

  const tokenResponse = await fetch(`${org.emulator.url}/${DEMO_TENANT.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEMO_TENANT.clientId,
      client_secret: DEMO_TENANT.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  token = ((await tokenResponse.json()) as { access_token: string }).access_token;
  const lists = await graph(`/users/${encodeURIComponent(upn)}/todo/lists`);
  listId = lists.value.find((l: any) => l.wellknownListName === 'defaultList').id;
  // The first sync brings the seeded To Do tasks in.
  await sync();
});

afterAll(async () => {
  await org?.emulator.stop();
  await dataSource?.destroy();
});

describe('tasks ↔ To Do', () => {
  it('brings To Do tasks into the CRM and CRM tasks into To Do', async () => {
    const fromExchange = await graph(todo(), 'POST', {
      title: 'Send Fabrikam the revised quote',
      importance: 'high',
      dueDateTime: { dateTime: '2026-12-04T00:00:00.0000000', timeZone: 'UTC' },
    });
    await tasks.create(pro, { subject: 'Call Fiona about the pilot', dueAt: new Date('2026-12-02T09:30:00Z') });

    const counts = await sync();
    expect(counts).toMatchObject({ exchangeWrites: 1, crmWrites: 1 });

    const arrived = await crmTask('Send Fabrikam the revised quote');
    expect(arrived).toMatchObject({ importance: 'HIGH', status: 'NOT_STARTED' });
    expect(arrived!.dueAt!.toISOString()).toBe('2026-12-04T00:00:00.000Z');
    const inTodo = (await todoTasks()).find((t) => t.title === 'Call Fiona about the pilot');
    expect(inTodo).toMatchObject({ status: 'notStarted', importance: 'normal' });
    expect(inTodo.dueDateTime.dateTime.startsWith('2026-12-02T09:30:00')).toBe(true);
    expect((await todoTasks()).filter((t) => t.id === fromExchange.id)).toHaveLength(1);
  });

  it('carries updates and deletes made on either side', async () => {
    const crmSide = await tasks.create(pro, { subject: 'Book the demo room' });
    const exchangeSide = await graph(todo(), 'POST', { title: 'Prepare the renewal deck' });
    await sync();
    const pairOfCrm = (await todoTasks()).find((t) => t.title === 'Book the demo room');
    const pairOfExchange = (await crmTask('Prepare the renewal deck'))!;

    await tasks.update(pro, crmSide.id, { subject: 'Book the big demo room', importance: 'HIGH' });
    await graph(todo(`/${exchangeSide.id}`), 'PATCH', { title: 'Prepare the renewal deck (v2)' });
    await sync();
    expect((await todoTasks()).find((t) => t.id === pairOfCrm.id)).toMatchObject({
      title: 'Book the big demo room',
      importance: 'high',
    });
    expect((await dataSource.getRepository(Task).findOneBy({ id: pairOfExchange.id }))!.subject).toBe(
      'Prepare the renewal deck (v2)',
    );

    await tasks.delete(pro, crmSide.id);
    await graph(todo(`/${exchangeSide.id}`), 'DELETE');
    await sync();
    expect((await todoTasks()).some((t) => t.id === pairOfCrm.id || t.id === exchangeSide.id)).toBe(false);
    expect(await dataSource.getRepository(Task).findOneBy({ id: crmSide.id })).toBeNull();
    expect(await dataSource.getRepository(Task).findOneBy({ id: pairOfExchange.id })).toBeNull();
  });

  it('completes the CRM task when the To Do task is completed', async () => {
    const task = await tasks.create(pro, { subject: 'Confirm the pilot start date' });
    await sync();
    const pair = (await todoTasks()).find((t) => t.title === 'Confirm the pilot start date');
    await graph(todo(`/${pair.id}`), 'PATCH', { status: 'completed' });
    await sync();
    const completed = await dataSource.getRepository(Task).findOneByOrFail({ id: task.id });
    expect(completed.status).toBe('COMPLETED');
    expect(completed.completedAt).not.toBeNull();
  });

  it('settles edits on both sides by the later writer, the same way every run, without echoes', async () => {
    const task = await tasks.create(pro, { subject: 'Negotiate the discount' });
    await sync();
    const pair = (await todoTasks()).find((t) => t.title === 'Negotiate the discount');

    // The CRM edits the title and the due date; a moment later Exchange edits the title and the importance.
    await tasks.update(pro, task.id, {
      subject: 'Negotiate the discount (CRM)',
      dueAt: new Date('2026-12-10T00:00:00Z'),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await graph(todo(`/${pair.id}`), 'PATCH', { title: 'Negotiate the discount (Exchange)', importance: 'low' });

    const counts = await sync();
    expect(counts.conflicts).toBe(1);
    const merged = await dataSource.getRepository(Task).findOneByOrFail({ id: task.id });
    expect(merged).toMatchObject({ subject: 'Negotiate the discount (Exchange)', importance: 'LOW' });
    expect(merged.dueAt!.toISOString()).toBe('2026-12-10T00:00:00.000Z');
    expect(merged.syncDecision?.fields).toEqual([{ field: 'subject', kept: 'EXCHANGE' }]);
    const inTodo = (await todoTasks()).find((t) => t.id === pair.id);
    expect(inTodo).toMatchObject({ title: 'Negotiate the discount (Exchange)', importance: 'low' });
    expect(inTodo.dueDateTime.dateTime.startsWith('2026-12-10T00:00:00')).toBe(true);

    // Nothing bounces back: the next run writes nothing on either side.
    const etag = inTodo['@odata.etag'];
    expect(await sync()).toEqual({ exchangeWrites: 0, crmWrites: 0, conflicts: 0 });
    expect((await todoTasks()).find((t) => t.id === pair.id)['@odata.etag']).toBe(etag);
    expect((await dataSource.getRepository(Task).findOneByOrFail({ id: task.id })).version).toBe(merged.version);
  });

  it('after 1,000 tasks each way, a second cycle writes nothing', async () => {
    for (let i = 0; i < 1000; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) => graph(todo(), 'POST', { title: `Exchange task ${i + j}` })),
      );
    }
    await dataSource.query(
      `INSERT INTO task ("organisationId", "ownerUserId", subject)
       SELECT $1, $2, 'CRM task ' || n FROM generate_series(0, 999) AS n`,
      [pro.organisationId, pro.userId],
    );
    const first = await sync();
    expect(first.exchangeWrites).toBe(1000);
    expect(first.crmWrites).toBe(1000);

    const before = new Map((await todoTasks()).map((t) => [t.id, t['@odata.etag']]));
    const versions = await dataSource.query(
      `SELECT sum(version)::int AS total, count(*)::int AS n FROM task WHERE "ownerUserId" = $1`,
      [pro.userId],
    );
    expect(await sync()).toEqual({ exchangeWrites: 0, crmWrites: 0, conflicts: 0 });
    const after = await todoTasks();
    expect(after.length).toBe(before.size);
    expect(after.every((t) => before.get(t.id) === t['@odata.etag'])).toBe(true);
    expect(
      await dataSource.query(
        `SELECT sum(version)::int AS total, count(*)::int AS n FROM task WHERE "ownerUserId" = $1`,
        [pro.userId],
      ),
    ).toEqual(versions);
    expect(versions[0].n).toBe(before.size);
  });
});

describe('appointments ↔ calendar', () => {
  const events = () => graph(`/users/${encodeURIComponent(upn)}/events?$top=500`).then((r) => r.value as any[]);
  const event = (id: string) => `/users/${encodeURIComponent(upn)}/events/${id}`;
  const crmAppointment = (subject: string) =>
    dataSource.getRepository(Appointment).findOneBy({ subject, organisationId: pro.organisationId });
  const at = (date: Date) => ({ dateTime: date.toISOString().slice(0, 19), timeZone: 'UTC' });

  it('puts a CRM appointment in the calendar, and tracks calendar events with a CRM contact among the attendees', async () => {
    await appointments.create(pro, {
      subject: 'Pricing call with Fabrikam',
      start: inDays(3),
      end: inDays(3, 11),
      attendees: [FIONA],
      location: 'Teams',
    });
    await graph(`/users/${encodeURIComponent(upn)}/events`, 'POST', {
      subject: 'Pilot review',
      start: at(inDays(5, 14)),
      end: at(inDays(5, 15)),
      attendees: [{ emailAddress: { address: 'Fiona@Fabrikam.example' }, type: 'required' }],
    });
    await graph(`/users/${encodeURIComponent(upn)}/events`, 'POST', {
      subject: 'Dentist',
      start: at(inDays(6, 8)),
      end: at(inDays(6, 9)),
    });

    const counts = await sync();
    expect(counts).toMatchObject({ exchangeWrites: 1, crmWrites: 1 });

    const inCalendar = (await events()).find((e) => e.subject === 'Pricing call with Fabrikam');
    expect(inCalendar.location.displayName).toBe('Teams');
    expect(inCalendar.attendees.map((a: any) => a.emailAddress.address)).toEqual([FIONA]);
    expect(new Date(`${inCalendar.start.dateTime}Z`).toISOString()).toBe(inDays(3).toISOString());

    const tracked = await crmAppointment('Pilot review');
    expect(tracked).toMatchObject({ ownerUserId: pro.userId, isAllDay: false });
    expect(tracked!.attendees).toEqual([{ address: FIONA, resolvedType: 'CONTACT', resolvedId: expect.any(String) }]);
    expect(tracked!.startAt.toISOString()).toBe(inDays(5, 14).toISOString());
    // On the timeline of the contact attending (and of nobody else's record).
    const fiona = await dataSource
      .getRepository(Contact)
      .findOneByOrFail({ emailAddress: FIONA, organisationId: pro.organisationId });
    const onTimeline = await new EmailService(dataSource, cipher, createExchangeGateways()).timeline(pro, fiona.id);
    expect(onTimeline.items.map((a) => a.subject)).toEqual(
      expect.arrayContaining(['Pilot review', 'Pricing call with Fabrikam']),
    );
    // A private event with nobody from the CRM stays in Exchange only.
    expect(await crmAppointment('Dentist')).toBeNull();
    expect(await sync()).toEqual({ exchangeWrites: 0, crmWrites: 0, conflicts: 0 });
  });

  it('carries updates and deletes made on either side, and keeps an event moved beyond the window', async () => {
    const crmSide = await appointments.create(pro, {
      subject: 'Contract walkthrough',
      start: inDays(8),
      end: inDays(8, 11),
      attendees: [FIONA],
    });
    const exchangeSide = await graph(`/users/${encodeURIComponent(upn)}/events`, 'POST', {
      subject: 'Onboarding kickoff',
      start: at(inDays(9)),
      end: at(inDays(9, 11)),
      attendees: [{ emailAddress: { address: FIONA }, type: 'required' }],
    });
    await sync();
    const pairOfCrm = (await events()).find((e) => e.subject === 'Contract walkthrough');
    const pairOfExchange = (await crmAppointment('Onboarding kickoff'))!;

    await appointments.update(pro, crmSide.id, { subject: 'Contract walkthrough (legal)', location: 'Room 4' });
    await graph(event(exchangeSide.id), 'PATCH', { location: { displayName: 'Fabrikam HQ' } });
    await sync();
    expect((await graph(event(pairOfCrm.id))).subject).toBe('Contract walkthrough (legal)');
    expect((await graph(event(pairOfCrm.id))).location.displayName).toBe('Room 4');
    expect((await dataSource.getRepository(Appointment).findOneByOrFail({ id: pairOfExchange.id })).location).toBe(
      'Fabrikam HQ',
    );

    // Moved two years ahead (out of the synced window): it leaves the delta, yet it is not deleted.
    await graph(event(exchangeSide.id), 'PATCH', { start: at(inDays(730)), end: at(inDays(730, 11)) });
    await sync();
    const moved = await dataSource.getRepository(Appointment).findOneByOrFail({ id: pairOfExchange.id });
    expect(moved.startAt.toISOString()).toBe(inDays(730).toISOString());

    await appointments.delete(pro, crmSide.id);
    await graph(event(exchangeSide.id), 'DELETE');
    await sync();
    const remaining = (await events()).map((e) => e.id);
    expect(remaining).not.toContain(pairOfCrm.id);
    expect(remaining).not.toContain(exchangeSide.id);
    expect(await dataSource.getRepository(Appointment).findOneBy({ id: crmSide.id })).toBeNull();
    expect(await dataSource.getRepository(Appointment).findOneBy({ id: pairOfExchange.id })).toBeNull();
  });

  it('settles edits on both sides by the later writer, without writing back either side’s own change', async () => {
    const appointment = await appointments.create(pro, {
      subject: 'Quarterly review',
      start: inDays(12),
      end: inDays(12, 11),
      attendees: [FIONA],
    });
    await sync();
    const pair = (await events()).find((e) => e.subject === 'Quarterly review');
    await appointments.update(pro, appointment.id, { location: 'CRM room', subject: 'Quarterly review (CRM)' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await graph(event(pair.id), 'PATCH', { location: { displayName: 'Outlook room' } });

    expect((await sync()).conflicts).toBe(1);
    const merged = await dataSource.getRepository(Appointment).findOneByOrFail({ id: appointment.id });
    expect(merged).toMatchObject({ location: 'Outlook room', subject: 'Quarterly review (CRM)' });
    expect(merged.syncDecision?.fields).toEqual([{ field: 'location', kept: 'EXCHANGE' }]);
    const inCalendar = await graph(event(pair.id));
    expect(inCalendar).toMatchObject({ subject: 'Quarterly review (CRM)', location: { displayName: 'Outlook room' } });
    expect(await sync()).toEqual({ exchangeWrites: 0, crmWrites: 0, conflicts: 0 });
    expect((await graph(event(pair.id))).changeKey).toBe(inCalendar.changeKey);
  });
});

describe('contacts ↔ Exchange contacts', () => {
  const contactsUrl = () => `/users/${encodeURIComponent(upn)}/contacts`;
  const exchangeContacts = () => graph(`${contactsUrl()}?$top=500`).then((r) => r.value as any[]);
  let crm: CrmRecordService;
  beforeAll(() => {
    crm = new CrmRecordService(dataSource);
  });

  it('puts the contacts the user owns in Exchange, tracked, and brings in the ones tracked there', async () => {
    // Fiona (created before the first sync) is there already.
    const fiona = (await exchangeContacts()).find((c) => c.emailAddresses?.[0]?.address === FIONA);
    expect(fiona).toMatchObject({ givenName: 'Fiona', surname: 'Fabrikam', categories: ['Tracked to Mailroom'] });

    await crm.createContact(pro, {
      firstName: 'Gary',
      lastName: 'Goodwin',
      emailAddress: 'gary@fabrikam.example',
      jobTitle: 'Buyer',
      businessPhone: '+1 425 555 0100',
      companyName: 'Fabrikam',
    });
    await graph(contactsUrl(), 'POST', {
      givenName: 'Hana',
      surname: 'Hall',
      emailAddresses: [{ address: 'Hana@Northwind.example' }],
      mobilePhone: '+44 20 7946 0000',
      companyName: 'Northwind',
      categories: ['Tracked to Mailroom'],
    });
    await graph(contactsUrl(), 'POST', { givenName: 'Mum', surname: 'Private', mobilePhone: '+1 555 0199' });
    const counts = await sync();
    expect(counts).toMatchObject({ exchangeWrites: 1, crmWrites: 1 });

    expect((await exchangeContacts()).find((c) => c.givenName === 'Gary')).toMatchObject({
      surname: 'Goodwin',
      jobTitle: 'Buyer',
      companyName: 'Fabrikam',
      businessPhones: ['+1 425 555 0100'],
      emailAddresses: [{ address: 'gary@fabrikam.example' }],
    });
    expect(
      await dataSource.getRepository(Contact).findOneBy({ organisationId: pro.organisationId, firstName: 'Hana' }),
    ).toMatchObject({
      lastName: 'Hall',
      emailAddress: 'hana@northwind.example',
      mobilePhone: '+44 20 7946 0000',
      ownerUserId: pro.userId,
    });
    expect(
      await dataSource.getRepository(Contact).findOneBy({ organisationId: pro.organisationId, firstName: 'Mum' }),
    ).toBeNull();
  });

  it('updates the CRM contact when its phone is edited in Exchange, and Exchange when it is edited in the CRM', async () => {
    const gary = (await exchangeContacts()).find((c) => c.givenName === 'Gary');
    await graph(`${contactsUrl()}/${gary.id}`, 'PATCH', { businessPhones: ['+1 425 555 0142'] });
    await sync();
    const inCrm = await dataSource
      .getRepository(Contact)
      .findOneByOrFail({ organisationId: pro.organisationId, firstName: 'Gary' });
    expect(inCrm.businessPhone).toBe('+1 425 555 0142');

    await crm.updateContact(pro, inCrm.id, { jobTitle: 'Head of purchasing', mobilePhone: '+1 425 555 0177' });
    await sync();
    expect(await graph(`${contactsUrl()}/${gary.id}`)).toMatchObject({
      jobTitle: 'Head of purchasing',
      mobilePhone: '+1 425 555 0177',
      businessPhones: ['+1 425 555 0142'],
    });
    expect(await sync()).toEqual({ exchangeWrites: 0, crmWrites: 0, conflicts: 0 });
  });

  it('never writes back what storing a card in the CRM had to fill in', async () => {
    // A card with a surname only: the CRM contact needs a first name and shows a placeholder.
    const card = await graph(contactsUrl(), 'POST', { surname: 'Ito', categories: ['Tracked to Mailroom'] });
    await sync();
    const inCrm = await dataSource
      .getRepository(Contact)
      .findOneByOrFail({ organisationId: pro.organisationId, lastName: 'Ito' });
    expect(inCrm.firstName).toBe('(no first name)');

    await graph(`${contactsUrl()}/${card.id}`, 'PATCH', { mobilePhone: '+81 3 5555 0100' });
    await sync();
    expect((await dataSource.getRepository(Contact).findOneByOrFail({ id: inCrm.id })).mobilePhone).toBe(
      '+81 3 5555 0100',
    );
    const after = await graph(`${contactsUrl()}/${card.id}`);
    expect(after.givenName ?? '').toBe('');
    expect(await sync()).toEqual({ exchangeWrites: 0, crmWrites: 0, conflicts: 0 });
  });

  it('pairs a card tracked in Outlook with the CRM contact of the same address instead of creating a second', async () => {
    const existing = await crm.createContact(pro, {
      firstName: 'Jo',
      lastName: 'Jansen',
      emailAddress: 'jo@contoso-partner.example',
      jobTitle: 'CFO',
    });
    const card = await graph(contactsUrl(), 'POST', {
      givenName: 'Jo',
      surname: 'Jansen',
      emailAddresses: [{ address: 'Jo@Contoso-Partner.example' }],
      mobilePhone: '+31 20 555 0100',
      categories: ['Tracked to Mailroom'],
    });
    await sync();
    const inCrm = await dataSource
      .getRepository(Contact)
      .findBy({ organisationId: pro.organisationId, emailAddress: 'jo@contoso-partner.example' });
    expect(inCrm.map((c) => c.id)).toEqual([existing.id]);
    // Each side kept what only it had: the CRM's job title, Outlook's mobile phone.
    expect(inCrm[0]).toMatchObject({ jobTitle: 'CFO', mobilePhone: '+31 20 555 0100' });
    const cards = (await exchangeContacts()).filter(
      (c) => c.emailAddresses?.[0]?.address?.toLowerCase() === 'jo@contoso-partner.example',
    );
    expect(cards.map((c) => c.id)).toEqual([card.id]);
    expect(cards[0]).toMatchObject({ jobTitle: 'CFO', mobilePhone: '+31 20 555 0100' });
    expect(await sync()).toEqual({ exchangeWrites: 0, crmWrites: 0, conflicts: 0 });
  });

  it('keeps the CRM contact when its Exchange card is deleted', async () => {
    const hana = (await exchangeContacts()).find((c) => c.givenName === 'Hana');
    await graph(`${contactsUrl()}/${hana.id}`, 'DELETE');
    await sync();
    expect(
      await dataSource.getRepository(Contact).findOneBy({ organisationId: pro.organisationId, firstName: 'Hana' }),
    ).not.toBeNull();
    expect(await sync()).toEqual({ exchangeWrites: 0, crmWrites: 0, conflicts: 0 });
  });
});

describe('an item Exchange refuses', () => {
  it('is set aside with the reason; the others sync and the channel stays on', async () => {
    // Written around the service's checks (as an older release or an import could have): it ends
    // before it starts, which Exchange refuses.
    const [refused] = await dataSource.query(
      `INSERT INTO appointment ("organisationId", "ownerUserId", subject, "startAt", "endAt")
       VALUES ($1, $2, 'Backwards meeting', $3, $4) RETURNING id`,
      [pro.organisationId, pro.userId, inDays(20, 11), inDays(20, 10)],
    );
    await tasks.create(pro, { subject: 'Still reaches To Do' });

    expect(await runner.run(mailboxId)).toBe('SYNCED');
    expect((await todoTasks()).some((t) => t.title === 'Still reaches To Do')).toBe(true);
    const [link] = await dataSource.query(`SELECT "exchangeId", "lastError" FROM exchange_link WHERE "crmId" = $1`, [
      refused.id,
    ]);
    expect(link.exchangeId).toBeNull();
    expect(link.lastError).toMatch(/end|start/i);
    expect(await dataSource.getRepository(Mailbox).findOneByOrFail({ id: mailboxId })).toMatchObject({
      actStatus: 'SUCCESS',
      actConsecutiveFailures: 0,
    });
    // Not sent again until it changes in the CRM.
    expect(await sync()).toEqual({ exchangeWrites: 0, crmWrites: 0, conflicts: 0 });
    await appointments.update(pro, refused.id, { end: inDays(20, 12) });
    await sync();
    const fixed = (await graph(`/users/${encodeURIComponent(upn)}/events?$top=500`)).value.find(
      (e: any) => e.subject === 'Backwards meeting',
    );
    expect(fixed).toBeDefined();
  });
});

describe('an ACT failure', () => {
  it('sets the ACT status to Failure with an alert for the owner, and leaves email processing on', async () => {
    const withoutTasks = ['Mail.ReadWrite', 'Mail.Send', 'Calendars.ReadWrite', 'Contacts.ReadWrite', 'User.Read.All'];
    const changed = await org.control(`/apps/${DEMO_TENANT.clientId}`, 'PATCH', { permissions: withoutTasks });
    expect(changed.ok).toBe(true);
    // Tokens carry the app's roles: the change shows once the token Mailroom holds is replaced.
    expect((await org.control('/faults', 'POST', { kind: 'expireTokens' })).ok).toBe(true);
    try {
      await tasks.create(pro, { subject: 'Never reaches To Do' });
      expect(await runner.run(mailboxId)).toBe('FAILED');
      const mailbox = await dataSource.getRepository(Mailbox).findOneByOrFail({ id: mailboxId });
      expect(mailbox).toMatchObject({ actStatus: 'FAILURE', processingState: 'ACTIVE' });
      const alerts: { severity: string; message: string }[] = await dataSource.query(
        `SELECT severity, message FROM mailbox_alert WHERE "mailboxId" = $1`,
        [mailboxId],
      );
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.severity).toBe('ERROR');
      expect(alerts[0]!.message).toMatch(/appointments, contacts and tasks/i);
      // A failed channel is not retried until it is tested again.
      expect(await runner.run(mailboxId)).toBe('SKIPPED');
    } finally {
      await org.control('/faults', 'DELETE');
      await org.control(`/apps/${DEMO_TENANT.clientId}`, 'PATCH', {
        permissions: [...withoutTasks, 'Tasks.ReadWrite.All', 'MailboxSettings.Read', 'Organization.Read.All'],
      });
    }
  });
});
