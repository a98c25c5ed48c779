import { type GraphError, PageIterator, type Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../testing/emulator.fixture.ts';

let t: TestEmulator;
let client: Client;
const PRO = 'sales.pro@contoso.example';

beforeAll(async () => {
  t = await startTestEmulator();
  client = t.graph();
});
afterAll(() => t.stop());

type Row = { id: string; '@removed'?: { reason: string }; [key: string]: unknown };

async function round(start: string): Promise<{ rows: Row[]; deltaLink: string }> {
  const rows: Row[] = [];
  const iterator = new PageIterator(client, await client.api(start).get(), (row: Row) => {
    rows.push(row);
    return true;
  });
  await iterator.iterate();
  return { rows, deltaLink: iterator.getDeltaLink()! };
}

describe('calendar', () => {
  it('tracks events in a calendarView window: created, updated, moved out of the window and deleted', async () => {
    const first = await round(
      `/users/${PRO}/calendarView/delta?startDateTime=2024-05-01T00:00:00Z&endDateTime=2024-06-01T00:00:00Z`,
    );
    expect(first.rows.map((row) => row['subject'])).toContain('Fabrikam pricing call');
    const created = await client.api(`/users/${PRO}/events`).post({
      subject: 'Northwind demo',
      start: { dateTime: '2024-05-20T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2024-05-20T10:00:00', timeZone: 'UTC' },
    });
    const outside = await client.api(`/users/${PRO}/events`).post({
      subject: 'Later',
      start: { dateTime: '2024-09-01T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2024-09-01T10:00:00', timeZone: 'UTC' },
    });
    const existing = first.rows.find((row) => row['subject'] === 'Fabrikam pricing call')!;
    await client.api(`/users/${PRO}/events/${existing.id}`).patch({
      start: { dateTime: '2024-07-10T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2024-07-10T11:00:00', timeZone: 'UTC' },
    });
    const changes = await round(first.deltaLink);
    const byId = new Map(changes.rows.map((row) => [row.id, row]));
    expect(byId.get(created.id)?.['subject']).toBe('Northwind demo');
    expect(byId.has(outside.id)).toBe(false);
    expect(byId.get(existing.id)?.['@removed']).toEqual({ reason: 'deleted' });
    await client.api(`/users/${PRO}/events/${created.id}`).delete();
    const after = await round(changes.deltaLink);
    expect(after.rows).toEqual([expect.objectContaining({ id: created.id, '@removed': { reason: 'deleted' } })]);
    const missing = (await client
      .api(`/users/${PRO}/calendarView/delta`)
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect(missing.statusCode).toBe(400);
  });
});

describe('contacts', () => {
  it('lists child folders only, and tracks the default folder through the well-known name `contacts`', async () => {
    const folders = await client.api(`/users/${PRO}/contactFolders`).get();
    expect(folders.value.map((f: { displayName: string }) => f.displayName)).toEqual(['Partners']);
    const first = await round(`/users/${PRO}/contactFolders/contacts/contacts/delta`);
    expect(first.rows.map((row) => row['displayName'])).toEqual(
      expect.arrayContaining(['Fiona Fabrikam', 'Nora Northwind']),
    );
    const contact = await client.api(`/users/${PRO}/contacts`).post({
      givenName: 'Frank',
      surname: 'Buyer',
      emailAddresses: [{ address: 'frank.buyer@fabrikam.example', name: 'Frank Buyer' }],
    });
    expect(contact).toMatchObject({ displayName: 'Frank Buyer', parentFolderId: expect.any(String) });
    await client.api(`/users/${PRO}/contacts/${contact.id}`).patch({ jobTitle: 'Procurement' });
    const changes = await round(first.deltaLink);
    expect(changes.rows).toEqual([expect.objectContaining({ id: contact.id, jobTitle: 'Procurement' })]);
    await client.api(`/users/${PRO}/contacts/${contact.id}`).delete();
    expect((await round(changes.deltaLink)).rows).toEqual([
      expect.objectContaining({ id: contact.id, '@removed': { reason: 'deleted' } }),
    ]);
  });
});

describe('To Do', () => {
  it('serves lists, list delta, and task delta with CRUD', async () => {
    const lists = await client.api(`/users/${PRO}/todo/lists`).get();
    const defaultList = lists.value.find(
      (list: { wellknownListName: string }) => list.wellknownListName === 'defaultList',
    );
    expect(defaultList).toMatchObject({ displayName: 'Tasks', isOwner: true, isShared: false });
    const listDelta = await round(`/users/${PRO}/todo/lists/delta`);
    expect(listDelta.rows).toHaveLength(2);
    const tasksStart = `/users/${PRO}/todo/lists/${defaultList.id}/tasks/delta`;
    const first = await round(tasksStart);
    expect(first.rows.map((row) => row['title'])).toEqual(['Send Fabrikam the revised quote']);
    const task = await client
      .api(`/users/${PRO}/todo/lists/${defaultList.id}/tasks`)
      .post({ title: 'Call Bob', dueDateTime: { dateTime: '2024-05-01T00:00:00.0000000', timeZone: 'UTC' } });
    expect(task).toMatchObject({
      title: 'Call Bob',
      status: 'notStarted',
      importance: 'normal',
      completedDateTime: null,
    });
    const completed = await client
      .api(`/users/${PRO}/todo/lists/${defaultList.id}/tasks/${task.id}`)
      .patch({ status: 'completed' });
    expect(completed.completedDateTime).toMatchObject({ timeZone: 'UTC' });
    const changes = await round(first.deltaLink);
    expect(changes.rows).toEqual([expect.objectContaining({ id: task.id, status: 'completed' })]);
    const bad = (await client
      .api(`/users/${PRO}/todo/lists/${defaultList.id}/tasks`)
      .post({ title: 'x', status: 'done' })
      .catch((e: unknown) => e)) as GraphError;
    expect(bad.statusCode).toBe(400);
  });
});
