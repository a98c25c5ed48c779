import type { Message } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GraphAdapter } from './graph-adapter.ts';
import { MAILROOM_ID_PROPERTY } from './mail-messages.ts';
import { demoAdapter, useEmulator, type EmulatorControl } from './testing/emulator-harness.ts';

let control: EmulatorControl;
let adapter: GraphAdapter;
let stop: () => Promise<void>;

beforeAll(async () => {
  const emulator = await useEmulator(inject('emulatorUrl'));
  control = emulator.control;
  stop = emulator.stop;
  adapter = demoAdapter(emulator.url);
});

afterAll(async () => {
  await stop();
});

async function collect<T>(pages: AsyncIterable<{ items: T[]; removedIds: string[]; deltaCursor?: string }>) {
  const items: T[] = [];
  const removedIds: string[] = [];
  let deltaCursor: string | undefined;
  for await (const page of pages) {
    items.push(...page.items);
    removedIds.push(...page.removedIds);
    deltaCursor = page.deltaCursor ?? deltaCursor;
  }
  return { items, removedIds, deltaCursor: deltaCursor as string };
}

describe('directory', () => {
  it('lists the demo users with whether their Exchange licence is valid', async () => {
    const users = await adapter.listUsers();
    const byUpn = new Map(users.map((user) => [user.userPrincipalName, user]));
    expect(byUpn.get('sales.pro@contoso.example')).toMatchObject({
      exchangeLicenseValid: true,
      mail: 'sales.pro@contoso.example',
    });
    expect(byUpn.get('no.exchange@contoso.example')).toMatchObject({ exchangeLicenseValid: false });
    expect(byUpn.get('upn.mismatch@contoso.onmicrosoft.com')).toMatchObject({ mail: 'upn.mismatch@contoso.example' });
  });

  it('looks up one user by UPN or id, and answers null for an unknown one', async () => {
    const { id, upn } = await control.newMailbox();
    expect(await adapter.getUser(upn)).toMatchObject({ id, userPrincipalName: upn, exchangeLicenseValid: true });
    expect(await adapter.getUser(id)).toMatchObject({ id, userPrincipalName: upn });
    await control.call('PATCH', `/users/${encodeURIComponent(upn)}`, { exchangeLicense: false });
    expect(await adapter.getUser(upn)).toMatchObject({ exchangeLicenseValid: false });
    expect(await adapter.getUser('nobody@contoso.example')).toBeNull();
  });
});

describe('mailbox test', () => {
  it('passes all three channels for a licensed mailbox the app may use', async () => {
    const { upn } = await control.newMailbox();
    expect(await adapter.testMailbox(upn)).toEqual({
      incoming: { ok: true },
      outgoing: { ok: true },
      act: { ok: true },
    });
  });

  it('fails all three channels for a user without an Exchange licence', async () => {
    const result = await adapter.testMailbox('no.exchange@contoso.example');
    expect(result.incoming).toMatchObject({ ok: false, failure: { kind: 'MAILBOX_UNAVAILABLE', permanent: true } });
    expect(result.outgoing).toMatchObject({ ok: false, failure: { kind: 'MAILBOX_UNAVAILABLE' } });
    expect(result.act).toMatchObject({ ok: false, failure: { kind: 'MAILBOX_UNAVAILABLE' } });
  });
});

describe('sending', () => {
  it('sends with Mailroom’s id, so a retried send can find the first attempt', async () => {
    const { upn } = await control.newMailbox();
    const mailroomId = `email-${Date.now()}`;
    expect(await adapter.findSentByMailroomId(upn, mailroomId)).toBeNull();

    await adapter.sendMail(
      upn,
      {
        subject: 'Proposal [CRM0001]',
        body: { contentType: 'html', content: '<p>Please find the proposal.</p>' },
        toRecipients: [{ emailAddress: { name: 'Pat', address: 'pat@fabrikam.example' } }],
      },
      mailroomId,
    );

    const sent = await adapter.findSentByMailroomId(upn, mailroomId);
    const sentItems = await adapter.getFolder(upn, 'sentitems');
    expect(sent).toMatchObject({
      id: expect.any(String),
      internetMessageId: expect.stringMatching(/^<.+@.+>$/),
      parentFolderId: sentItems.id,
    });
    expect(await adapter.findSentByMailroomId(upn, "email-o'other")).toBeNull();

    const message = await adapter.getMessage(upn, sent?.id as string);
    expect(message.singleValueExtendedProperties).toEqual([{ id: MAILROOM_ID_PROPERTY, value: mailroomId }]);
    const { items } = await collect<Message>(adapter.messageDelta(upn, 'sentitems'));
    expect(items.find((m) => m.id === sent?.id)?.singleValueExtendedProperties).toEqual([
      { id: MAILROOM_ID_PROPERTY, value: mailroomId },
    ]);
  });
});

describe('folders', () => {
  it('lists the folder tree flattened, with the well-known folders', async () => {
    const { upn } = await control.newMailbox();
    const folders = await adapter.listFolders(upn);
    const names = folders.map((folder) => folder.displayName);
    expect(names).toEqual(expect.arrayContaining(['Inbox', 'Sent Items', 'Deleted Items']));
    const inbox = await adapter.getFolder(upn, 'inbox');
    expect(folders.map((folder) => folder.id)).toContain(inbox.id);
  });
});

describe('appointments, contacts and tasks', () => {
  it('creates, changes and deletes an event, and calendar delta follows', async () => {
    const { upn } = await control.newMailbox();
    const window = { start: new Date(Date.now() - 24 * 3600_000), end: new Date(Date.now() + 30 * 24 * 3600_000) };
    const first = await collect(adapter.eventDelta(upn, window));
    const start = new Date(Date.now() + 2 * 24 * 3600_000);
    start.setUTCMinutes(0, 0, 0);
    const end = new Date(start.getTime() + 3600_000);
    const created = await adapter.createEvent(upn, {
      subject: 'Demo with Fabrikam',
      start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: end.toISOString().slice(0, 19), timeZone: 'UTC' },
      attendees: [{ type: 'required', emailAddress: { address: 'pat@fabrikam.example', name: 'Pat' } }],
    });
    expect(created).toMatchObject({ id: expect.any(String), subject: 'Demo with Fabrikam' });

    const afterCreate = await collect(adapter.eventDelta(upn, window, { cursor: first.deltaCursor }));
    expect(afterCreate.items.map((event) => event.id)).toContain(created.id);

    const updated = await adapter.updateEvent(upn, created.id as string, { subject: 'Demo with Fabrikam (moved)' });
    expect(updated.subject).toBe('Demo with Fabrikam (moved)');
    expect((await adapter.getEvent(upn, created.id as string)).subject).toBe('Demo with Fabrikam (moved)');

    await adapter.deleteEvent(upn, created.id as string);
    const afterDelete = await collect(adapter.eventDelta(upn, window, { cursor: afterCreate.deltaCursor }));
    expect(afterDelete.removedIds).toContain(created.id);
  });

  it('creates, changes and deletes a contact, and contact delta follows', async () => {
    const { upn } = await control.newMailbox();
    const first = await collect(adapter.contactDelta(upn));
    const contact = await adapter.createContact(upn, {
      givenName: 'Pat',
      surname: 'Customer',
      emailAddresses: [{ address: 'pat@fabrikam.example', name: 'Pat Customer' }],
      companyName: 'Fabrikam',
    });
    const afterCreate = await collect(adapter.contactDelta(upn, undefined, { cursor: first.deltaCursor }));
    expect(afterCreate.items.map((c) => c.id)).toContain(contact.id);

    expect((await adapter.updateContact(upn, contact.id as string, { jobTitle: 'Buyer' })).jobTitle).toBe('Buyer');
    expect((await adapter.getContact(upn, contact.id as string)).jobTitle).toBe('Buyer');
    await adapter.deleteContact(upn, contact.id as string);
    const afterDelete = await collect(adapter.contactDelta(upn, undefined, { cursor: afterCreate.deltaCursor }));
    expect(afterDelete.removedIds).toContain(contact.id);
    expect(await adapter.listContactFolders(upn)).toEqual(expect.any(Array));
  });

  it('creates, completes and deletes a To Do task, and task delta follows', async () => {
    const { upn } = await control.newMailbox();
    const lists = await adapter.listTodoLists(upn);
    const tasks = lists.find((list) => list.wellknownListName === 'defaultList');
    expect(tasks).toBeDefined();
    const listId = tasks?.id as string;
    const first = await collect(adapter.taskDelta(upn, listId));

    const task = await adapter.createTask(upn, listId, {
      title: 'Call Pat about the proposal',
      dueDateTime: { dateTime: '2030-05-01T00:00:00.0000000', timeZone: 'UTC' },
    });
    const afterCreate = await collect(adapter.taskDelta(upn, listId, { cursor: first.deltaCursor }));
    expect(afterCreate.items.map((t) => t.id)).toContain(task.id);

    expect((await adapter.updateTask(upn, listId, task.id as string, { status: 'completed' })).status).toBe(
      'completed',
    );
    expect((await adapter.getTask(upn, listId, task.id as string)).status).toBe('completed');
    await adapter.deleteTask(upn, listId, task.id as string);
    const afterDelete = await collect(adapter.taskDelta(upn, listId, { cursor: afterCreate.deltaCursor }));
    expect(afterDelete.removedIds).toContain(task.id);
  });
});
