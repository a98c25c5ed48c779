import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { startWorker } from './worker-harness.ts';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import { emailServerProfilesText } from '../apps/web/src/features/email-server-profiles/email-server-profiles.strings.ts';
import { usersText } from '../apps/web/src/features/users/users.strings.ts';
import { i18n } from '../apps/web/src/shared/i18n.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import { DEMO_TENANT, newExchangeOrganisation } from './exchange-org.ts';
import { gridFit, pageOverflow } from './layout.ts';
import type { Spawned } from './processes.ts';
import { startWeb } from './web-server.ts';

let api: ApiHarness;
let worker: WorkerRuntime;
let web: { url: string; server: Spawned };
let browser: Browser;
let org: Awaited<ReturnType<typeof newExchangeOrganisation>>;
let page: Page;
const errors: string[] = [];
const users = i18n.getFixedT('en', usersText.namespace);
const profiles = i18n.getFixedT('en', emailServerProfilesText.namespace);

const editButton = (email: string) =>
  page
    .getByRole('row')
    .filter({ hasText: email })
    .getByRole('button', { name: /^Edit / });

beforeAll(async () => {
  api = await startApi();
  org = await newExchangeOrganisation(api.server.dataSource);
  worker = await startWorker();
  const admin = await api.client.signIn(org.email('admin'), 'test-password');
  await admin.request('mutation($input: ConnectTenantInput!) { connectTenant(input: $input) { status } }', {
    input: { tenantId: DEMO_TENANT.tenantId, clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret },
  });
  [web, browser] = await Promise.all([startWeb(api.baseUrl), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(web.url);
  await page.getByLabel('Email').fill(org.email('admin'));
  await page.getByLabel('Password').fill('test-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Mailboxes' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.server.stop();
  await worker?.stop();
  await api?.stop();
  await org?.emulator.stop();
});

describe('users, roles and licences in the web console', () => {
  it('imports the directory, and a user given Sales Professional gets a mailbox', async () => {
    await page.getByRole('group', { name: 'Sales Settings' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Import from directory' }).click();
    await page.getByText('Directory import finished').waitFor();
    await expectNoSeriousViolations(page);
    // All seven columns fit at 1280 px beside the navigation; on a tablet the grid scrolls in its box.
    const grid = page.getByRole('grid', { name: 'Users' });
    await page.setViewportSize({ width: 1280, height: 900 });
    const fit = await gridFit(grid);
    expect(fit.spilling).toEqual([]);
    expect(fit.sideways).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousViolations(page, 'the users on a tablet');
    await page.setViewportSize({ width: 1400, height: 900 });

    // The import also brought the tenant's other users, some with the same names: go by address.
    const name =
      (await grid
        .getByRole('row')
        .filter({ hasText: org.email('salesperson') })
        .getByRole('gridcell')
        .first()
        .textContent()) ?? '';
    await editButton(org.email('salesperson')).click();
    const dialog = page.getByRole('dialog', { name: 'Edit roles and licence' });
    await dialog.getByRole('checkbox', { name: 'Sales Professional', exact: true }).check();
    await expectNoSeriousViolations(page);
    await dialog.getByRole('button', { name: 'Save' }).click();
    // A toast confirms the save and goes by itself; the next step stays on the page.
    const saved = page.getByRole('listitem', { name: users('saved') });
    await saved.getByText(users('savedBody', { name })).waitFor();
    await page.getByText('gets a mailbox to approve and test').waitFor();
    await page.getByText(users('savedBody', { name }), { exact: true }).waitFor({ state: 'detached', timeout: 15_000 });

    await page.getByRole('link', { name: 'Go to the mailbox list' }).click();
    await page.getByRole('link', { name: org.email('salesperson') }).waitFor();
  });

  it('refuses to remove the administrator’s own role, saying why', async () => {
    await page.getByRole('group', { name: 'Sales Settings' }).getByRole('link', { name: 'Users' }).click();
    await editButton(org.email('admin')).click();
    const dialog = page.getByRole('dialog', { name: 'Edit roles and licence' });
    await dialog.getByRole('checkbox', { name: 'System Administrator' }).uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('You cannot remove your own System Administrator role').waitFor();
    await expectNoSeriousViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('email server profiles in the web console', () => {
  it('explains a limit Exchange would refuse, and stores a replaced secret without showing it', async () => {
    await page.getByRole('link', { name: 'Email server profiles' }).click();
    await page.getByRole('heading', { name: 'Email server profiles', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Exchange Online' });
    await form.waitFor();
    await expectNoSeriousViolations(page);
    const concurrency = form.getByRole('spinbutton', { name: 'Max concurrent requests per mailbox' });
    await concurrency.fill('3');
    await form.getByLabel('Replace secret').fill('a-new-secret-value');
    await form.getByRole('button', { name: 'Save' }).click();
    const saved = page.getByRole('listitem', { name: profiles('saved', { name: 'Exchange Online' }) });
    await saved.getByText(profiles('savedWithSecret')).waitFor();
    expect(await form.getByLabel('Replace secret').inputValue()).toBe('');
    expect(await page.content()).not.toContain('a-new-secret-value');
    expect(errors).toEqual([]);
  });
});
