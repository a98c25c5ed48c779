import type { Message } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DeltaPage } from './delta-pages.ts';
import type { GraphAdapter } from './graph-adapter.ts';
import { GraphAdapterError } from './graph-errors.ts';
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

async function round(pages: AsyncIterable<DeltaPage<Message>>): Promise<DeltaPage<Message>[]> {
  const all: DeltaPage<Message>[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

const itemsOf = (pages: DeltaPage<Message>[]) => pages.flatMap((page) => page.items);
const removedOf = (pages: DeltaPage<Message>[]) => pages.flatMap((page) => page.removedIds);
const lastCursor = (pages: DeltaPage<Message>[]) => pages.at(-1)?.deltaCursor as string;

async function expectFailure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GraphAdapterError);
  return (error as GraphAdapterError).failure;
}

describe('message delta against the emulator', () => {
  it('pages a full round to a deltaLink, each page within the requested size', async () => {
    const { upn } = await control.newMailbox();
    const subjects = Array.from({ length: 25 }, (_, i) => `Quote ${i + 1}`);
    await control.deliver(upn, subjects);

    const pages = await round(adapter.messageDelta(upn, 'inbox', { pageSize: 10 }));

    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(10);
    for (const page of pages.slice(0, -1)) {
      expect(page.nextCursor).toMatch(/\$skiptoken=/);
      expect(page.deltaCursor).toBeUndefined();
    }
    expect(pages.at(-1)?.nextCursor).toBeUndefined();
    expect(lastCursor(pages)).toMatch(/\$deltatoken=/);
    const items = itemsOf(pages);
    expect(new Set(items.map((m) => m.id)).size).toBe(25);
    expect(new Set(items.map((m) => m.subject))).toEqual(new Set(subjects));
    expect(items[0]).toMatchObject({ from: { emailAddress: { address: 'pat@fabrikam.example' } }, isDraft: false });
    expect(items[0]?.body?.content).toContain('Quote');
  });

  it('resumes a round from a stored nextCursor, as after a crash mid-round', async () => {
    const { upn } = await control.newMailbox();
    await control.deliver(
      upn,
      Array.from({ length: 12 }, (_, i) => `Order ${i}`),
    );

    const first = await adapter.messageDelta(upn, 'inbox', { pageSize: 5 }).next();
    const firstPage = first.value as DeltaPage<Message>;
    const rest = await round(
      adapter.messageDelta(upn, 'inbox', { pageSize: 5, cursor: firstPage.nextCursor as string }),
    );

    const ids = [...firstPage.items, ...itemsOf(rest)].map((m) => m.id);
    expect(new Set(ids).size).toBe(12);
    expect(lastCursor(rest)).toMatch(/\$deltatoken=/);
  });

  it('returns only the change made after the deltaLink, then nothing', async () => {
    const { upn } = await control.newMailbox();
    await control.deliver(upn, ['Before']);
    const full = await round(adapter.messageDelta(upn, 'inbox'));
    expect(itemsOf(full).map((m) => m.subject)).toEqual(['Before']);

    await control.deliver(upn, ['After']);
    const changes = await round(adapter.messageDelta(upn, 'inbox', { cursor: lastCursor(full) }));
    expect(itemsOf(changes).map((m) => m.subject)).toEqual(['After']);
    expect(removedOf(changes)).toEqual([]);

    const quiet = await round(adapter.messageDelta(upn, 'inbox', { cursor: lastCursor(changes) }));
    expect(itemsOf(quiet)).toEqual([]);
    expect(lastCursor(quiet)).toMatch(/\$deltatoken=/);
  });

  it('reports @removed for a message moved out of the folder and one deleted, and the moved one keeps its id', async () => {
    const { upn } = await control.newMailbox();
    await control.deliver(upn, ['Keep', 'Move me', 'Delete me']);
    const full = await round(adapter.messageDelta(upn, 'inbox'));
    const bySubject = new Map(itemsOf(full).map((m) => [m.subject, m.id as string]));
    const moved = bySubject.get('Move me') as string;
    const deleted = bySubject.get('Delete me') as string;

    await control.call('POST', `/mailboxes/${encodeURIComponent(upn)}/messages/${encodeURIComponent(moved)}/move`, {
      folder: 'archive',
    });
    const [deletion] = await adapter.batch(upn, [{ method: 'DELETE', url: `/users/${upn}/messages/${deleted}` }]);
    expect(deletion).toMatchObject({ ok: true, status: 204 });

    const changes = await round(adapter.messageDelta(upn, 'inbox', { cursor: lastCursor(full) }));
    expect(new Set(removedOf(changes))).toEqual(new Set([moved, deleted]));
    expect(itemsOf(changes)).toEqual([]);

    const archive = await round(adapter.messageDelta(upn, 'archive'));
    expect(itemsOf(archive).map((m) => [m.id, m.subject])).toEqual([[moved, 'Move me']]);
  });

  it('answers CURSOR_EXPIRED (410) for a deltaLink whose generation has rolled out, and a full round recovers', async () => {
    const { upn } = await control.newMailbox();
    await control.deliver(upn, ['First']);
    const first = await round(adapter.messageDelta(upn, 'inbox'));
    let cursor = lastCursor(first);
    for (const subject of ['Second', 'Third', 'Fourth']) {
      await control.deliver(upn, [subject]);
      cursor = lastCursor(await round(adapter.messageDelta(upn, 'inbox', { cursor })));
    }

    const failure = await expectFailure(round(adapter.messageDelta(upn, 'inbox', { cursor: lastCursor(first) })));
    expect(failure).toMatchObject({ kind: 'CURSOR_EXPIRED', status: 410, code: 'SyncStateNotFound', permanent: true });

    const latest = await round(adapter.messageDelta(upn, 'inbox', { cursor }));
    expect(itemsOf(latest)).toEqual([]);
    const resync = await round(adapter.messageDelta(upn, 'inbox'));
    expect(
      itemsOf(resync)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(['First', 'Fourth', 'Second', 'Third']);
  });

  it('answers CURSOR_EXPIRED when the service resets sync state', async () => {
    const { upn } = await control.newMailbox();
    await control.deliver(upn, ['One']);
    const full = await round(adapter.messageDelta(upn, 'inbox'));
    await control.fault({ kind: 'expireDeltaTokens', upn });

    const failure = await expectFailure(round(adapter.messageDelta(upn, 'inbox', { cursor: lastCursor(full) })));
    expect(failure).toMatchObject({ kind: 'CURSOR_EXPIRED', status: 410 });
    expect(itemsOf(await round(adapter.messageDelta(upn, 'inbox'))).map((m) => m.subject)).toEqual(['One']);
  });

  it('treats a cursor from another Graph origin as expired without sending it anywhere', async () => {
    const { upn } = await control.newMailbox();
    const failure = await expectFailure(
      round(
        adapter.messageDelta(upn, 'inbox', {
          cursor: 'https://graph.microsoft.com/v1.0/users/x/mailFolders/inbox/messages/delta?$deltatoken=abc',
        }),
      ),
    );
    expect(failure).toMatchObject({ kind: 'CURSOR_EXPIRED', status: null });
  });

  it('limits a first round to mail received after the profile’s cut-off', async () => {
    const { upn } = await control.newMailbox();
    await control.deliver(upn, ['Old enough']);
    expect(
      itemsOf(await round(adapter.messageDelta(upn, 'inbox', { receivedAfter: new Date(Date.now() - 3600_000) }))),
    ).toHaveLength(1);
    expect(
      itemsOf(await round(adapter.messageDelta(upn, 'inbox', { receivedAfter: new Date(Date.now() + 3600_000) }))),
    ).toEqual([]);
  });

  it('keeps immutable ids across a move made through the adapter', async () => {
    const { upn } = await control.newMailbox();
    await control.deliver(upn, ['Contract draft']);
    const [message] = itemsOf(await round(adapter.messageDelta(upn, 'inbox')));
    const id = message?.id as string;

    const moved = await adapter.moveMessage(upn, id, 'archive');
    expect(moved.id).toBe(id);
    const archive = await adapter.getFolder(upn, 'archive');
    const read = await adapter.getMessage(upn, id);
    expect(read).toMatchObject({ id, subject: 'Contract draft', parentFolderId: archive.id });
    expect(read.internetMessageHeaders).toEqual(expect.any(Array));
  });
});
