import type { Browser } from 'playwright-core';
import { newOrganisation, newRoleMailboxes, newUser } from '@mailroom/domain/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import { launchChromium } from './browser.ts';
import type { Spawned } from './processes.ts';
import { startWeb } from './web-server.ts';

let api: ApiHarness;
let web: { url: string; server: Spawned };
let browser: Browser;
let adminEmail: string;
let mailboxEmails: string[];

beforeAll(async () => {
  api = await startApi();
  [web, browser] = await Promise.all([startWeb(api.baseUrl), launchChromium()]);
  const ds = api.server.dataSource;
  const organisation = await newOrganisation(ds, 'Browser Co');
  adminEmail = `admin@${organisation.id}.example`;
  await newUser(ds, organisation, {
    displayName: 'Ada Admin',
    primaryEmail: adminEmail,
    roles: ['SYSTEM_ADMINISTRATOR'],
    password: 'browser-pass',
  });
  for (const name of ['alba', 'bruno']) {
    await newUser(ds, organisation, {
      displayName: `${name} seller`,
      primaryEmail: `${name}@${organisation.id}.example`,
    });
  }
  mailboxEmails = (await newRoleMailboxes(ds, organisation)).map((m) => m.emailAddress).sort();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.server.stop();
  await api?.stop();
});

describe('web console', () => {
  it('signs an administrator in and shows the organisation’s mailboxes, Not run', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });

    await page.goto(web.url);
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('The email or password is not right.').isVisible()).toBe(true);

    await page.getByLabel('Password').fill('browser-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Mailboxes' }).waitFor();
    expect(page.url()).toBe(`${web.url}/mailboxes`);
    await page.getByText('Ada Admin').first().waitFor();

    for (const email of mailboxEmails) await page.getByRole('gridcell', { name: email }).waitFor();
    await expect.poll(() => page.getByText('2 mailboxes').isVisible()).toBe(true);
    expect(await page.getByText('Not run').count()).toBeGreaterThanOrEqual(mailboxEmails.length);
    await page.screenshot({ path: 'test-results/mailboxes.png', fullPage: true });

    // The session survives a reload; signing out returns to the sign-in page.
    await page.reload();
    await page.getByRole('heading', { name: 'Mailboxes' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();

    // The wrong-password attempt above answers 200 with a GraphQL error; nothing else may fail.
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('opportunities', () => {
  it('lists the opportunities the user may see, with account and contacts', async () => {
    const admin = await api.client.signIn(adminEmail, 'browser-pass');
    const account = await admin.request('mutation { createAccount(input: { name: "Fabrikam" }) { id } }');
    const contact = await admin.request(
      'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
      { input: { firstName: 'Fiona', lastName: 'Fabrikam', emailAddress: 'fiona@fabrikam.example' } },
    );
    await admin.request('mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }', {
      input: {
        name: 'Fabrikam renewal',
        accountId: account.data?.createAccount.id,
        contactIds: [contact.data?.createContact.id],
        estimatedValue: 75000,
      },
    });

    const page = await browser.newPage();
    await page.goto(web.url);
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel('Password').fill('browser-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Opportunities' }).click();
    await page.getByRole('heading', { name: 'Opportunities' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Fabrikam renewal' });
    await expect.poll(() => row.textContent()).toContain('Fabrikam');
    expect(await row.getByRole('link', { name: 'fiona@fabrikam.example' }).getAttribute('href')).toBe(
      'mailto:fiona@fabrikam.example',
    );
    await expect.poll(() => page.getByText('1 opportunity').isVisible()).toBe(true);
    await page.close();
  });
});
