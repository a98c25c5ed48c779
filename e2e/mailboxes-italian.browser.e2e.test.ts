import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { startWorker } from './worker-harness.ts';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import type { TestClient } from '../apps/api/src/testing/graphql-client.ts';
import { alertsText } from '../apps/web/src/features/mailboxes/alerts.strings.ts';
import { mailboxesText } from '../apps/web/src/features/mailboxes/mailboxes.strings.ts';
import { usersText } from '../apps/web/src/features/users/users.strings.ts';
import { formattersFor } from '../apps/web/src/shared/format.ts';
import { i18n } from '../apps/web/src/shared/i18n.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import { gridFit, pageOverflow } from './layout.ts';
import { endToasts } from './toasts.ts';
import { DEMO_TENANT, newExchangeOrganisation } from './exchange-org.ts';
import type { Spawned } from './processes.ts';
import { startWeb } from './web-server.ts';

// What an Italian reader sees, straight from the bundles the console ships.
const italian = mailboxesText.it;
const itMailboxes = i18n.getFixedT('it', mailboxesText.namespace);
const itAlerts = i18n.getFixedT('it', alertsText.namespace);
const itUsers = i18n.getFixedT('it', usersText.namespace);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const JOB = 'query($id: ID!) { job(id: $id) { status } }';

let api: ApiHarness;
let worker: WorkerRuntime;
let web: { url: string; server: Spawned };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: TestClient;
let org: Awaited<ReturnType<typeof newExchangeOrganisation>>;
const errors: string[] = [];

async function waitForJob(id: string) {
  for (let i = 0; i < 300; i++) {
    const status = (await admin.request(JOB, { id })).data?.job.status;
    if (status === 'COMPLETED' || status === 'FAILED') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

/** The grid's count line, e.g. "3 cassette postali". */
const countLine = () => page.getByRole('status').filter({ hasText: /cassett/ });
const statusFilter = () => page.getByRole('combobox', { name: italian['column.testRunStatus'] });

beforeAll(async () => {
  api = await startApi();
  org = await newExchangeOrganisation(api.server.dataSource);
  // Exchange's change notifications reach the API, so new mail is synced in seconds, not at the next poll.
  worker = await startWorker({ env: { PUBLIC_API_URL: api.baseUrl } });
  admin = await api.client.signIn(org.email('admin'), 'test-password');
  const connected = await admin.request(
    'mutation($input: ConnectTenantInput!) { connectTenant(input: $input) { status } }',
    {
      input: { tenantId: DEMO_TENANT.tenantId, clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret },
    },
  );
  expect(connected.data?.connectTenant.status).toBe('READY');
  const configured = await admin.request('mutation { configureEmail { id } }');
  await waitForJob(configured.data?.configureEmail.id);
  [web, browser] = await Promise.all([startWeb(api.baseUrl), launchChromium()]);
  // The browser says it is Italian; nobody has picked a language in the console yet.
  context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(web.url);
  // The sign-in page is another feature's: found by its fields, whatever their labels say.
  await page.locator('input[name="email"]').fill(org.email('admin'));
  await page.locator('input[name="password"]').fill('test-password');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('heading', { name: italian.title, level: 1 }).waitFor();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await web?.server.stop();
  await worker?.stop();
  await api?.stop();
  await org?.emulator.stop();
});

describe('the mailboxes in Italian', () => {
  it('shows the grid in Italian and follows a bulk Approve and test on a progress bar', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    for (const name of [italian.approveAndTestMailboxes, italian.testAndEnable, italian.refresh]) {
      // The actions follow the signed-in user's roles, which arrive just after the heading.
      await page.getByRole('button', { name }).waitFor();
    }
    for (const column of ['column.emailAddress', 'column.testRunStatus', 'column.lastSyncAt'] as const) {
      await page.getByRole('columnheader', { name: italian[column] }).waitFor();
    }
    const total = (await admin.request('{ mailboxes(first: 1) { totalCount } }')).data?.mailboxes.totalCount;
    expect(total).toBeGreaterThan(1);
    await expect.poll(() => countLine().textContent()).toBe(itMailboxes('count', { count: total }));
    const row = (email: string) =>
      page.getByRole('row').filter({ has: page.getByRole('link', { name: email, exact: true }) });
    await expect.poll(() => row(org.email('sales.pro')).textContent()).toContain(italian['testStatus.SUCCESS']);
    expect(await row(org.email('sales.pro')).textContent()).toContain(italian['approval.APPROVED']);
    await expectNoSeriousViolations(page);

    // At 1280 px, navigation open, every Italian column fits; on a tablet the grid scrolls in its own box.
    const grid = page.getByRole('grid', { name: italian.title });
    await page.setViewportSize({ width: 1280, height: 900 });
    const fit = await gridFit(grid);
    expect(fit.spilling).toEqual([]);
    expect(fit.sideways).toBeLessThanOrEqual(0);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/mailboxes-italian-1280.png' });
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousViolations(page, 'the mailboxes on a tablet');
    await page.screenshot({ path: 'test-results/mailboxes-italian-768.png' });
    await page.setViewportSize({ width: 1400, height: 900 });

    // Every Graph call slowed down, so the job is on screen long enough to watch it run.
    expect((await org.control('/faults', 'POST', { kind: 'latency', ms: 700 })).ok).toBe(true);
    try {
      for (const email of [org.email('no.exchange'), org.email('sales.pro')]) {
        await page.getByRole('checkbox', { name: itMailboxes('selectMailbox', { email }) }).check();
      }
      await page.getByText(itMailboxes('selected', { count: 2 }), { exact: true }).waitFor();
      await page.getByRole('button', { name: italian.approveAndTestMailboxes }).click();
      // A toast says the tests started, in Italian.
      const started = page.getByRole('listitem', {
        name: itMailboxes('job.started', { job: italian['job.APPROVE_AND_TEST'] }),
      });
      await started.waitFor();
      expect(await started.textContent()).toContain(itMailboxes('job.startedBody', { count: 2 }));
      await endToasts(page);
      const progress = page.getByRole('progressbar', { name: italian['job.APPROVE_AND_TEST'] });
      await progress.waitFor();
      const stages = [0, 1, 2].map((done) => itMailboxes('job.progress', { done, count: 2 }));
      await page.getByText(new RegExp(`^(${stages.map(escapeRegExp).join('|')})$`)).waitFor();
      expect(Number(await progress.getAttribute('aria-valuenow'))).toBeLessThan(1);
      await expectNoSeriousViolations(page, 'the mailboxes with a job in progress');
    } finally {
      await org.control('/faults', 'DELETE');
    }
    const outcome = itMailboxes('job.outcome', {
      job: italian['job.APPROVE_AND_TEST'],
      outcome: itMailboxes('job.someFailed', { failed: 1, count: 2 }),
    });
    await page.getByText(outcome, { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText(itMailboxes('job.someApproved', { count: 1 }), { exact: false }).waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await expect.poll(() => row(org.email('no.exchange')).textContent()).toContain(italian['testStatus.FAILURE']);
  });

  it('keeps the filters in the URL: reload and Back/Forward restore them', async () => {
    const total = (await admin.request('{ mailboxes(first: 1) { totalCount } }')).data?.mailboxes.totalCount;
    await statusFilter().selectOption({ label: italian['testStatus.FAILURE'] });
    await page.waitForURL((url) => url.searchParams.get('status') === 'FAILURE');
    await expect.poll(() => countLine().textContent()).toBe(itMailboxes('count', { count: 1 }));
    await page.getByRole('link', { name: org.email('no.exchange') }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: italian.title, level: 1 }).waitFor();
    expect(await statusFilter().inputValue()).toBe('FAILURE');
    await expect.poll(() => countLine().textContent()).toBe(itMailboxes('count', { count: 1 }));

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('status'));
    await expect.poll(() => statusFilter().inputValue()).toBe('');
    await expect.poll(() => countLine().textContent()).toBe(itMailboxes('count', { count: total }));

    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('status') === 'FAILURE');
    await expect.poll(() => statusFilter().inputValue()).toBe('FAILURE');

    // A search typed in bursts is one step back, not one per burst; the box keeps every key.
    const search = page.getByRole('searchbox', { name: italian['filters.search'] });
    await search.pressSequentially('sales');
    await page.waitForURL((url) => url.searchParams.get('q') === 'sales');
    await search.pressSequentially('.pro');
    await page.waitForURL((url) => url.searchParams.get('q') === 'sales.pro');
    expect(await search.inputValue()).toBe('sales.pro');
    await expect.poll(() => countLine().textContent()).toBe(itMailboxes('count', { count: 0 }));
    await page.getByText(italian.noMatch).waitFor();
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('q') && url.searchParams.get('status') === 'FAILURE');
    await expect.poll(() => search.inputValue()).toBe('');
    await expect.poll(() => countLine().textContent()).toBe(itMailboxes('count', { count: 1 }));
  });

  it('shows the mailbox record in Italian, its dates as Italian dates', async () => {
    await page.getByRole('link', { name: org.email('no.exchange') }).click();
    await page.getByRole('heading', { name: org.email('no.exchange'), level: 1 }).waitFor();
    for (const heading of [italian['channels.title'], italian['alerts.title']]) {
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
    }
    await page.getByRole('button', { name: italian['record.approveAndTest'] }).waitFor();
    await page.getByText(italian['record.testRunStatus'], { exact: true }).waitFor();
    await page.getByRole('cell', { name: italian['syncMethod.SERVER_SIDE_SYNC'] }).first().waitFor();
    await expectNoSeriousViolations(page);

    const alerts = page.getByRole('list', { name: italian['alerts.list'] });
    await alerts
      .getByText(itMailboxes('alerts.seen', { count: 1 }))
      .first()
      .waitFor();
    expect(await alerts.getByRole('button', { name: italian['alerts.dismiss'] }).count()).toBeGreaterThan(0);
    // The API's alert, worded in Italian from its code and params.
    const noLicence = itAlerts('alert.NO_EXCHANGE_MAILBOX', { address: org.email('no.exchange') });
    expect(noLicence).toContain('licenza di Exchange Online');
    await alerts.getByText(noLicence, { exact: true }).waitFor();
    const times = alerts.locator('time');
    expect(await times.count()).toBeGreaterThan(0);
    for (const time of await times.all()) {
      const iso = (await time.getAttribute('datetime')) ?? '';
      // "7 dic 2026, 18:10", not "7 Dec 2026, 18:10".
      expect(await time.textContent()).toBe(formattersFor('it').dateTime(iso));
      expect(formattersFor('it').dateTime(iso)).not.toBe(formattersFor('en').dateTime(iso));
    }
  });

  it('shows the sync history of a mailbox after a real sync, in Italian', async () => {
    const upn = org.email('sales.pro');
    const listed = await admin.request('{ mailboxes(first: 50) { edges { node { id emailAddress } } } }');
    const id: string = listed.data?.mailboxes.edges.find((e: any) => e.node.emailAddress === upn)?.node.id;
    const filtered = await admin.request(
      'mutation($id: ID!) { updateMailbox(id: $id, input: { incomingFilter: ALL_EMAIL }) { id } }',
      { id },
    );
    expect(filtered.errors).toBeUndefined();
    const delivered = await org.control(`/mailboxes/${encodeURIComponent(upn)}/deliver`, 'POST', {
      from: 'fiona.fabrikam@fabrikam.example',
      to: [upn],
      subject: 'Rinnovo contratto',
      body: '<p>Ciao, possiamo sentirci domani?</p>',
    });
    expect(delivered.ok).toBe(true);

    // The worker syncs on Exchange's change notification; the run is then recorded.
    const HISTORY = 'query($id: ID!) { mailbox(id: $id) { syncHistory { startedAt outcome messagesStored } } }';
    type Run = { startedAt: string; outcome: string; messagesStored: number };
    const storing = async () =>
      ((await admin.request(HISTORY, { id })).data?.mailbox.syncHistory as Run[]).find((r) => r.messagesStored > 0);
    await expect.poll(storing, { timeout: 30_000, interval: 250 }).toBeDefined();
    const run = (await storing())!;
    expect(run.outcome).toBe('SUCCESS');

    await page.goto(`${web.url}/mailboxes/${id}`);
    await page.getByRole('heading', { name: italian['history.title'], level: 2 }).waitFor();
    const history = page.getByRole('table', { name: italian['history.title'] });
    for (const column of ['history.when', 'history.outcome', 'history.messages', 'history.duration'] as const) {
      await history.getByRole('columnheader', { name: italian[column] }).waitFor();
    }
    const row = history
      .getByRole('row')
      .filter({ has: page.locator(`time[datetime="${run.startedAt}"]`) })
      .first();
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(formattersFor('it').dateTime(run.startedAt));
    expect(text).toContain(italian['history.outcome.SUCCESS']);
    expect(text).toContain(itMailboxes('history.stored', { count: run.messagesStored }));
    await expectNoSeriousViolations(page, 'the mailbox record with its sync history');

    // A run that Exchange throttled, as the worker records it: its line is worded in Italian.
    const english =
      'Exchange Online throttled the sync (too many requests). Mailroom tries again in 1280 s; nothing needs changing unless this repeats.';
    await api.server.dataSource.query(
      `INSERT INTO mailbox_sync_run ("organisationId", "mailboxId", "startedAt", "finishedAt", outcome, "foldersRead",
              "failureKind", "failureMessage", "failureCode", "failureParams")
       SELECT "organisationId", id, now(), now(), 'FAILED', 1, 'THROTTLED', $2, 'RETRY_THROTTLED', '{"seconds": 1280}'
         FROM mailbox WHERE id = $1`,
      [id, english],
    );
    await page.reload();
    const failed = history.getByRole('row').filter({ hasText: italian['history.outcome.FAILED'] });
    await failed
      .getByText(itMailboxes('history.failure.RETRY_THROTTLED', { seconds: 1280 }), { exact: true })
      .waitFor();
    expect(itMailboxes('history.failure.RETRY_THROTTLED', { seconds: 1280 })).toContain('riprova tra 1280 s');
    expect(await history.textContent()).not.toContain(english);
  });

  it('shows the users in Italian', async () => {
    const itU = usersText.it;
    await page.goto(`${web.url}/settings/users`);
    await page.getByRole('heading', { name: itU.title, level: 1 }).waitFor();
    await page.getByRole('button', { name: itU.importFromDirectory }).waitFor();
    for (const column of ['column.primaryEmail', 'column.exchangeLicence', 'column.roles'] as const) {
      await page.getByRole('columnheader', { name: itU[column] }).waitFor();
    }
    const userRow = (email: string) => page.getByRole('row').filter({ hasText: email });
    await expect.poll(() => userRow(org.email('sales.pro')).textContent()).toContain(itU['role.SALES_PROFESSIONAL']);
    expect(await userRow(org.email('upn.mismatch')).textContent()).toContain(itU.upnDiffers);
    await expectNoSeriousViolations(page);
    const users = await page.getByRole('row').count();
    expect(await page.getByRole('status').filter({ hasText: /utent/ }).textContent()).toBe(
      itUsers('count', { count: users - 1 }),
    );
    // All seven Italian columns fit at 1280 px beside the navigation.
    const grid = page.getByRole('grid', { name: itU.title });
    await page.setViewportSize({ width: 1280, height: 900 });
    const fit = await gridFit(grid);
    expect(fit.spilling).toEqual([]);
    expect(fit.sideways).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/mailboxes-italian-users.png', fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });

    // A sales licence given in Italian is confirmed by a toast in Italian.
    const unlicensed = userRow(org.email('unlicensed'));
    const name = (await unlicensed.getByRole('gridcell').first().textContent()) ?? '';
    await unlicensed.getByRole('button', { name: itUsers('editUser', { name }) }).click();
    const dialog = page.getByRole('dialog', { name: itU['dialog.title'] });
    await dialog.getByRole('combobox', { name: itU['dialog.salesLicence'] }).selectOption('SALES_ENTERPRISE');
    await dialog.getByRole('button', { name: itU.save }).click();
    const saved = page.getByRole('listitem', { name: itU.saved });
    await saved.getByText(itUsers('savedBody', { name })).waitFor();
    await expect.poll(() => unlicensed.textContent()).toContain(itU['licence.SALES_ENTERPRISE']);

    expect(errors).toEqual([]);
  });
});
