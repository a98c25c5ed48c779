import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { startWorker } from './worker-harness.ts';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import { DEMO_TENANT, newExchangeOrganisation } from './exchange-org.ts';
import type { Spawned } from './processes.ts';
import { endToasts } from './toasts.ts';
import { startWeb } from './web-server.ts';

let api: ApiHarness;
let worker: WorkerRuntime;
let web: { url: string; server: Spawned };
let browser: Browser;
let org: Awaited<ReturnType<typeof newExchangeOrganisation>>;

async function signIn(page: Page, email: string) {
  await page.goto(web.url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('test-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Mailboxes' }).waitFor();
}

beforeAll(async () => {
  api = await startApi();
  org = await newExchangeOrganisation(api.server.dataSource);
  worker = await startWorker();
  const admin = await api.client.signIn(org.email('admin'), 'test-password');
  const connected = await admin.request(
    'mutation($input: ConnectTenantInput!) { connectTenant(input: $input) { status } }',
    {
      input: { tenantId: DEMO_TENANT.tenantId, clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret },
    },
  );
  expect(connected.data?.connectTenant.status).toBe('READY');
  [web, browser] = await Promise.all([startWeb(api.baseUrl), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.server.stop();
  await worker?.stop();
  await api?.stop();
  await org?.emulator.stop();
});

describe('the administrator’s flow in the web console', () => {
  it('configures email, approves and tests a mailbox, and the owner is told live', async () => {
    const errors: string[] = [];
    const adminPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const ownerPage = await browser.newPage();
    for (const page of [adminPage, ownerPage]) page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await signIn(ownerPage, org.email('no.exchange'));
    const bell = ownerPage.getByRole('button', { name: 'Notifications' });
    expect((await bell.textContent())?.trim()).toBe('');
    await expectNoSeriousViolations(ownerPage);

    await signIn(adminPage, org.email('admin'));
    await adminPage.getByRole('link', { name: 'Configure email' }).click();
    await adminPage.getByRole('heading', { name: 'Configure email' }).waitFor();
    await adminPage.getByRole('button', { name: 'Configure email' }).click();
    // Toasts confirm the start and the end; the summary stays on the page.
    await adminPage.getByText('Configuring email…', { exact: true }).first().waitFor();
    await adminPage.getByText('Configure email finished').waitFor();
    await adminPage.getByText('Email configured', { exact: true }).first().waitFor();

    const report = adminPage.getByRole('grid', { name: 'Mailbox report' });
    const row = (email: string) =>
      report.getByRole('row').filter({ has: adminPage.getByRole('link', { name: email }) });
    await expect.poll(() => row(org.email('sales.pro')).textContent()).toContain('Approved, tested and enabled');
    expect(await row(org.email('no.exchange')).textContent()).toContain('No Exchange Online licence');
    expect(await row(org.email('upn.mismatch')).textContent()).toContain('Primary email differs from the UPN');
    // The reasons are worded by the console; the API's English sentence for them is not shown besides.
    expect(await row(org.email('no.exchange')).textContent()).not.toContain('The user has no valid Exchange Online');
    await endToasts(adminPage);
    await expectNoSeriousViolations(adminPage);

    // The grid: the failing mailbox goes Scheduled → Failure without a reload.
    await adminPage.getByRole('link', { name: 'Mailboxes' }).click();
    await adminPage.getByRole('checkbox', { name: `Select ${org.email('no.exchange')}` }).check();
    await adminPage.getByRole('button', { name: 'Approve and test mailboxes' }).click();
    await adminPage.getByText('Approve and test: 1 of 1 mailbox failed').waitFor();
    await endToasts(adminPage);
    const gridRow = adminPage
      .getByRole('row')
      .filter({ has: adminPage.getByRole('gridcell', { name: org.email('no.exchange') }) });
    await expect.poll(() => gridRow.textContent()).toContain('Failure');
    await adminPage.screenshot({ path: 'test-results/configure-email-mailboxes.png', fullPage: true });
    await expectNoSeriousViolations(adminPage);

    // The owner's bell counts the alert live.
    await expect.poll(() => bell.textContent(), { timeout: 10_000 }).toBe('1');

    // The mailbox record shows the alert with its fix, and it can be dismissed.
    await adminPage.getByRole('link', { name: org.email('no.exchange') }).click();
    await adminPage.getByRole('heading', { name: org.email('no.exchange') }).waitFor();
    const alerts = adminPage.getByRole('list', { name: 'Open alerts' });
    await expect.poll(() => alerts.textContent()).toContain('Exchange Online licence');
    await expectNoSeriousViolations(adminPage);
    await alerts.getByRole('button', { name: 'Dismiss' }).first().click();
    await adminPage.getByText('No open alerts.').waitFor();

    expect(errors).toEqual([]);
  });
});
