import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GraphAdapter } from './graph-adapter.ts';
import { BATCH_LIMIT } from './json-batch.ts';
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

async function inboxIds(upn: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of adapter.messageDelta(upn, 'inbox', { pageSize: 50 }))
    ids.push(...page.items.map((m) => m.id as string));
  return ids;
}

describe('JSON batching against the emulator', () => {
  it(`splits more than ${BATCH_LIMIT} steps into batches Graph accepts, answering in the order given`, async () => {
    const { upn } = await control.newMailbox();
    await control.deliver(
      upn,
      Array.from({ length: 45 }, (_, i) => `Batch ${i}`),
    );
    const ids = await inboxIds(upn);
    expect(ids).toHaveLength(45);

    const results = await adapter.batch(
      upn,
      ids.map((id) => ({ method: 'GET' as const, url: `/users/${upn}/messages/${id}?$select=id,subject` })),
    );

    expect(results).toHaveLength(45);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.map((result) => (result.ok ? (result.body as { id: string }).id : null))).toEqual(ids);
    const counters = await control.throttling(upn);
    expect(counters.concurrencyViolations).toBe(0);
  });

  it('classifies failed steps one by one and runs writes with bodies', async () => {
    const { upn } = await control.newMailbox();
    const other = await control.newMailbox();
    await control.deliver(upn, ['Read me']);
    await control.deliver(other.upn, ['Elsewhere']);
    const [id] = await inboxIds(upn);
    const [elsewhere] = await inboxIds(other.upn);

    const results = await adapter.batch(upn, [
      {
        id: 'mark',
        method: 'PATCH',
        url: `/users/${upn}/messages/${id}`,
        body: { isRead: true, categories: ['Tracked to Mailroom'] },
      },
      { id: 'gone', method: 'GET', url: `/users/${upn}/messages/${elsewhere}` },
      { id: 'nobody', method: 'GET', url: '/users/nobody@contoso.example/mailFolders/inbox' },
    ]);

    expect(results.map((result) => result.id)).toEqual(['mark', 'gone', 'nobody']);
    expect(results[0]).toMatchObject({
      ok: true,
      status: 200,
      body: { isRead: true, categories: ['Tracked to Mailroom'] },
    });
    expect(results[1]).toMatchObject({
      ok: false,
      failure: { kind: 'NOT_FOUND', status: 404, code: 'ErrorItemNotFound' },
    });
    expect(results[2]).toMatchObject({ ok: false, failure: { kind: 'MAILBOX_UNAVAILABLE', status: 404 } });
  });

  it('sends throttled steps again after their Retry-After, and the rest of the mailbox waits too', async () => {
    const { upn } = await control.newMailbox();
    await control.deliver(upn, ['One', 'Two', 'Three']);
    const ids = await inboxIds(upn);
    await control.fault({ kind: 'throttle', upn, count: 1, retryAfter: 1 });

    const started = Date.now();
    const results = await adapter.batch(
      upn,
      ids.map((id) => ({ method: 'GET' as const, url: `/users/${upn}/messages/${id}` })),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((await control.throttling(upn)).throttled).toBeGreaterThanOrEqual(1);
  });
});
