import { DEMO_TENANT } from '@mailroom/exchange-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GraphAdapterError } from './graph-errors.ts';
import type { AdapterLogger } from './graph-transport.ts';
import type { GraphAdapter } from './graph-adapter.ts';
import { systemClock, type SharedHolds } from './mailbox-limiter.ts';
import { demoAdapter, startPrivateEmulator, useEmulator, type EmulatorControl } from './testing/emulator-harness.ts';

let url: string;
let control: EmulatorControl;
let stop: () => Promise<void>;

beforeAll(async () => {
  const emulator = await useEmulator(inject('emulatorUrl'));
  ({ url, control, stop } = emulator);
});

afterAll(async () => {
  await stop();
});

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GraphAdapterError);
  return (error as GraphAdapterError).failure;
}

function recordingLogger() {
  const lines: { level: string; message: string; details: Record<string, unknown> }[] = [];
  const logger: AdapterLogger = {
    debug: (details, message) => lines.push({ level: 'debug', message, details }),
    warn: (details, message) => lines.push({ level: 'warn', message, details }),
  };
  return { logger, lines };
}

describe('throttling', () => {
  it('completes 8 parallel calls to one mailbox through 429s, never more than 4 in flight and never before Retry-After', async () => {
    const { upn } = await control.newMailbox();
    const adapter = demoAdapter(url);
    await adapter.getFolder(upn, 'inbox');
    await control.fault({ kind: 'latency', upn, count: 8, ms: 150 });
    await control.fault({ kind: 'throttle', upn, count: 2, retryAfter: 1 });

    const started = Date.now();
    const folders = await Promise.all(Array.from({ length: 8 }, () => adapter.getFolder(upn, 'inbox')));
    const elapsed = Date.now() - started;

    expect(new Set(folders.map((folder) => folder.id)).size).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    const counters = await control.throttling(upn);
    expect(counters.throttled).toBeGreaterThanOrEqual(2);
    expect(counters.concurrencyViolations).toBe(0);
    // Nothing sent after a 429 reaches Exchange before its Retry-After has passed; the probe
    // after the hold keeps the second injected 429 from catching a burst.
    expect(counters.retryAfterViolations).toBe(0);
  });

  it('stays within 4 concurrent requests per mailbox under load without any fault', async () => {
    const { upn } = await control.newMailbox();
    const adapter = demoAdapter(url);
    await control.fault({ kind: 'latency', upn, count: 24, ms: 50 });
    await Promise.all(Array.from({ length: 24 }, () => adapter.getFolder(upn, 'inbox')));
    expect(await control.throttling(upn)).toMatchObject({
      throttled: 0,
      concurrencyViolations: 0,
      retryAfterViolations: 0,
    });
  });

  it('holds a mailbox for a 429 another process received, through the shared holds', async () => {
    // Two adapters stand for two worker processes: each has its own limiter, the store is shared.
    const until = new Map<string, number>();
    const sharedHolds: SharedHolds = {
      remainingMs: async (key) => Math.max(0, (until.get(key) ?? 0) - Date.now()),
      hold: async (key, ms) => void until.set(key, Math.max(until.get(key) ?? 0, Date.now() + ms)),
    };
    const throttledThenAsked = async (first: GraphAdapter, second: GraphAdapter, upn: string) => {
      await Promise.all([first.getFolder(upn, 'inbox'), second.getFolder(upn, 'inbox')]); // tokens in hand
      await control.fault({ kind: 'throttle', upn, count: 1, retryAfter: 2 });
      const firstDone = first.getFolder(upn, 'inbox'); // answered 429, waits 2 s, repeats
      while ((await control.throttling(upn)).throttled === 0) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 800)); // well past the emulator's in-flight grace, even on a busy machine
      const asked = Date.now();
      await second.getFolder(upn, 'inbox');
      await firstDone;
      return { waitedMs: Date.now() - asked, counters: await control.throttling(upn) };
    };

    const shared = await control.newMailbox();
    const sharing = await throttledThenAsked(
      demoAdapter(url, {}, { sharedHolds }),
      demoAdapter(url, {}, { sharedHolds }),
      shared.upn,
    );
    expect(sharing.waitedMs).toBeGreaterThanOrEqual(1000);
    expect(sharing.counters.retryAfterViolations).toBe(0);

    // Without the store, the other process knows nothing of the 429 and asks inside the window.
    const alone = await control.newMailbox();
    const apart = await throttledThenAsked(demoAdapter(url), demoAdapter(url), alone.upn);
    expect(apart.counters.retryAfterViolations).toBe(1);
  });

  it('reports THROTTLED with Retry-After once its attempts are spent', async () => {
    const { upn } = await control.newMailbox();
    const adapter = demoAdapter(url, {}, { maxAttempts: 2 });
    await control.fault({ kind: 'throttle', upn, count: 5, retryAfter: 1 });
    const failure = await failureOf(adapter.getFolder(upn, 'inbox'));
    expect(failure).toMatchObject({
      kind: 'THROTTLED',
      status: 429,
      code: 'ApplicationThrottled',
      retryAfterMs: 1000,
      permanent: false,
    });
    expect((await control.throttling(upn)).retryAfterViolations).toBe(0);
  });

  it('retries a read after a 503 with Retry-After, but never a send, which may have gone out', async () => {
    const { upn } = await control.newMailbox();
    const adapter = demoAdapter(url);
    await control.fault({ kind: 'error5xx', upn, count: 1, status: 503, retryAfter: 1 });
    await expect(adapter.getFolder(upn, 'inbox')).resolves.toMatchObject({ id: expect.any(String) });

    await control.fault({ kind: 'error5xx', upn, count: 1, status: 504, retryAfter: 1 });
    const failure = await failureOf(
      adapter.sendMail(
        upn,
        {
          subject: 'Proposal',
          body: { contentType: 'text', content: 'Hi' },
          toRecipients: [{ emailAddress: { address: 'pat@fabrikam.example' } }],
        },
        'email-504',
      ),
    );
    expect(failure).toMatchObject({ kind: 'TRANSIENT', status: 504, permanent: false });
  });
});

describe('request events (metrics)', () => {
  it('reports every HTTP request with its status, the 429s included', async () => {
    const { upn } = await control.newMailbox();
    const events: { status: string; durationMs: number }[] = [];
    const adapter = demoAdapter(url, {}, { onRequest: (event) => events.push(event) });
    await adapter.getFolder(upn, 'inbox');
    await control.fault({ kind: 'throttle', upn, count: 1, retryAfter: 1 });
    await adapter.getFolder(upn, 'inbox');
    expect(events.map((e) => e.status)).toEqual(['2xx', '429', '2xx']);
    expect(events.every((e) => e.durationMs >= 0)).toBe(true);
  });
});

describe('authentication', () => {
  it('renews a token Graph rejects (forced expiry) once, transparently', async () => {
    const { upn } = await control.newMailbox();
    const { logger, lines } = recordingLogger();
    const adapter = demoAdapter(url, {}, { logger });
    await adapter.getFolder(upn, 'inbox');
    await control.fault({ kind: 'expireTokens', upn });

    await expect(adapter.getFolder(upn, 'inbox')).resolves.toMatchObject({ id: expect.any(String) });
    await expect(adapter.getFolder(upn, 'inbox')).resolves.toMatchObject({ id: expect.any(String) });
    expect(lines.filter((line) => line.message.includes('renewing'))).toHaveLength(1);
  });

  it('renews once for many calls rejected at the same time', async () => {
    const { upn } = await control.newMailbox();
    const { logger, lines } = recordingLogger();
    const adapter = demoAdapter(url, {}, { logger });
    await adapter.getFolder(upn, 'inbox');
    await control.fault({ kind: 'expireTokens', upn });
    await Promise.all(Array.from({ length: 6 }, () => adapter.getFolder(upn, 'inbox')));
    expect(lines.filter((line) => line.message.includes('renewing')).length).toBeGreaterThanOrEqual(1);
    expect((await control.throttling(upn)).concurrencyViolations).toBe(0);
  });

  it.each([
    ['a wrong client secret', { clientSecret: 'wrong' }, 'invalid_client'],
    ['an unknown application', { clientId: '00000000-0000-4000-8000-000000000001' }, 'unauthorized_client'],
    ['an unknown tenant', { tenantId: '00000000-0000-4000-8000-000000000002' }, 'invalid_request'],
  ])('reports %s as AUTH_FAILED, in a mailbox test as a result per channel', async (_, overrides, code) => {
    const adapter = demoAdapter(url, overrides);
    const failure = await failureOf(adapter.detectExchange());
    expect(failure).toMatchObject({ kind: 'AUTH_FAILED', code, permanent: true });
    const result = await adapter.testMailbox('sales.pro@contoso.example');
    expect(result.incoming).toMatchObject({ ok: false, failure: { kind: 'AUTH_FAILED', code } });
    expect(result.outgoing).toMatchObject({ ok: false, failure: { kind: 'AUTH_FAILED' } });
    expect(result.act).toMatchObject({ ok: false, failure: { kind: 'AUTH_FAILED' } });
  });
});

describe('mailbox availability', () => {
  it('reports a disabled mailbox and an unknown user as MAILBOX_UNAVAILABLE', async () => {
    const { upn } = await control.newMailbox();
    await control.call('PATCH', `/users/${encodeURIComponent(upn)}`, { mailboxEnabled: false });
    const adapter = demoAdapter(url);
    const result = await adapter.testMailbox(upn);
    for (const channel of [result.incoming, result.outgoing, result.act]) {
      expect(channel).toMatchObject({
        ok: false,
        failure: { kind: 'MAILBOX_UNAVAILABLE', status: 404, code: 'MailboxNotEnabledForRESTAPI' },
      });
    }
    const unknown = await adapter.testMailbox('nobody@contoso.example');
    expect(unknown.incoming).toMatchObject({ ok: false, failure: { kind: 'MAILBOX_UNAVAILABLE', status: 404 } });
  });

  it('reports an access-policy 403 for the mailbox as ACCESS_POLICY_DENIED, not a missing permission', async () => {
    const { upn } = await control.newMailbox();
    await control.fault({ kind: 'accessDenied', upn });
    const result = await demoAdapter(url).testMailbox(upn);
    expect(result.incoming).toMatchObject({
      ok: false,
      failure: { kind: 'ACCESS_POLICY_DENIED', status: 403, code: 'ErrorAccessDenied', permission: 'Mail.ReadWrite' },
    });
    expect(result.outgoing).toMatchObject({ ok: false, failure: { kind: 'ACCESS_POLICY_DENIED' } });
    expect(result.act).toMatchObject({
      ok: false,
      failure: { kind: 'ACCESS_POLICY_DENIED', permission: 'Calendars.ReadWrite' },
    });
  });
});

describe('app registration changes (own emulator)', () => {
  let own: Awaited<ReturnType<typeof startPrivateEmulator>>;
  const clientId = DEMO_TENANT.clientId;
  const all = [
    'Mail.ReadWrite',
    'Mail.Send',
    'Calendars.ReadWrite',
    'Contacts.ReadWrite',
    'Tasks.ReadWrite.All',
    'User.Read.All',
    'MailboxSettings.Read',
    'Organization.Read.All',
  ];

  beforeAll(async () => {
    own = await startPrivateEmulator(inject('emulatorDataDir'));
  });

  afterAll(async () => {
    await own.stop();
  });

  it('reports missing permissions per channel, naming the permission', async () => {
    await own.control.call('PATCH', `/apps/${clientId}`, {
      permissions: all.filter((permission) => permission !== 'Mail.Send' && permission !== 'Tasks.ReadWrite.All'),
      accessPolicyMailboxes: null,
    });
    const adapter = demoAdapter(own.url);
    const result = await adapter.testMailbox('sales.pro@contoso.example');
    expect(result.incoming).toEqual({ ok: true });
    expect(result.outgoing).toMatchObject({
      ok: false,
      failure: { kind: 'PERMISSION_MISSING', permission: 'Mail.Send' },
    });
    expect(result.act).toMatchObject({
      ok: false,
      failure: {
        kind: 'PERMISSION_MISSING',
        status: 403,
        code: 'ErrorAccessDenied',
        permission: 'Tasks.ReadWrite.All',
      },
    });
    expect(await failureOf(adapter.listTodoLists('sales.pro@contoso.example'))).toMatchObject({
      kind: 'PERMISSION_MISSING',
      permission: 'Tasks.ReadWrite.All',
    });
  });

  it('sees a permission granted after its token was issued, once the token is old enough to recheck', async () => {
    await own.control.call('PATCH', `/apps/${clientId}`, {
      permissions: all.filter((p) => p !== 'Calendars.ReadWrite'),
      accessPolicyMailboxes: null,
    });
    let offset = 0;
    const adapter = demoAdapter(own.url, {}, { clock: { now: () => Date.now() + offset, sleep: systemClock.sleep } });
    expect((await adapter.testMailbox('sales.pro@contoso.example')).act).toMatchObject({
      ok: false,
      failure: { kind: 'PERMISSION_MISSING', permission: 'Calendars.ReadWrite' },
    });

    await own.control.call('PATCH', `/apps/${clientId}`, { permissions: all });
    offset = 31_000;
    expect(await adapter.testMailbox('sales.pro@contoso.example')).toEqual({
      incoming: { ok: true },
      outgoing: { ok: true },
      act: { ok: true },
    });
  });

  it('tells an application access policy from a missing permission by the token’s roles', async () => {
    await own.control.call('PATCH', `/apps/${clientId}`, {
      permissions: all,
      accessPolicyMailboxes: ['sales.pro@contoso.example'],
    });
    const adapter = demoAdapter(own.url);
    expect(await adapter.testMailbox('sales.pro@contoso.example')).toEqual({
      incoming: { ok: true },
      outgoing: { ok: true },
      act: { ok: true },
    });
    const outside = await adapter.testMailbox('sales.manager@contoso.example');
    expect(outside.incoming).toMatchObject({
      ok: false,
      failure: { kind: 'ACCESS_POLICY_DENIED', status: 403, code: 'ErrorAccessDenied' },
    });
    expect(outside.outgoing).toMatchObject({ ok: false, failure: { kind: 'ACCESS_POLICY_DENIED' } });
    expect(outside.act).toMatchObject({
      ok: false,
      failure: { kind: 'ACCESS_POLICY_DENIED', permission: 'Calendars.ReadWrite' },
    });
    // To Do is outside access policies' reach.
    await expect(adapter.listTodoLists('sales.manager@contoso.example')).resolves.toEqual(expect.any(Array));
  });

  it('detects whether the tenant has Exchange Online', async () => {
    await own.control.call('PATCH', `/apps/${clientId}`, { permissions: all, accessPolicyMailboxes: null });
    const adapter = demoAdapter(own.url);
    expect(await adapter.detectExchange()).toEqual({ exchangeOnline: true, exchangePlans: ['EXCHANGE_S_ENTERPRISE'] });
    await own.control.call('PATCH', '/tenant', { exchangeSubscription: false });
    expect(await adapter.detectExchange()).toEqual({ exchangeOnline: false, exchangePlans: [] });
    await own.control.call('PATCH', '/tenant', { exchangeSubscription: true });
  });
});
