// An administrator's sync-health dashboard in Chromium, against a real API with seeded sync data:
// opened from the navigation, it shows the figures as charts and as text, the mailbox most behind,
// and its queue link opens bull-board (through the board's cookie, never a token in the URL).
import { randomUUID } from 'node:crypto';
import { newOrganisation, newRoleMailboxes, newUser } from '@mailroom/domain/testing';
import type { Mailbox } from '@mailroom/domain';
import { RedisSyncHealthCounters } from '@mailroom/queues';
import { Redis } from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import type { Spawned } from './processes.ts';
import { startWeb } from './web-server.ts';

let api: ApiHarness;
let web: { url: string; server: Spawned };
let browser: Browser;
let page: Page;
let behind: Mailbox;
let adminEmail: string;
let salesEmail: string;
const errors: string[] = [];

async function signIn(target: Page, email: string) {
  await target.goto(web.url);
  await target.getByLabel('Email').fill(email);
  await target.getByLabel('Password').fill('pw');
  await target.getByRole('button', { name: 'Sign in' }).click();
  await target.getByRole('heading', { name: 'Mailboxes' }).waitFor();
}

beforeAll(async () => {
  api = await startApi();
  const ds = api.server.dataSource;
  const organisation = await newOrganisation(ds);
  adminEmail = (await newUser(ds, organisation, { roles: ['SYSTEM_ADMINISTRATOR'], password: 'pw' })).primaryEmail;
  salesEmail = (await newUser(ds, organisation, { roles: ['SALES_PROFESSIONAL'], password: 'pw' })).primaryEmail;
  await newUser(ds, organisation, { roles: ['SALES_PROFESSIONAL'] });
  const mailboxes = await newRoleMailboxes(ds, organisation);
  await ds.query(
    `UPDATE mailbox SET "incomingMethod" = 'SERVER_SIDE_SYNC', "enabledForIncoming" = true,
            "processingState" = 'ACTIVE', "lastSyncSuccessAt" = now() - interval '20 seconds'
      WHERE "organisationId" = $1`,
    [organisation.id],
  );
  behind = mailboxes[1]!;
  await ds.query(
    `UPDATE mailbox SET "lastSyncSuccessAt" = now() - interval '3 hours 5 minutes', "consecutiveFailures" = 4 WHERE id = $1`,
    [behind.id],
  );
  // Seven emails ingested three minutes ago, five a minute ago.
  const ingest = async (count: number, minutesAgo: number) => {
    const at = new Date(Date.now() - minutesAgo * 60_000);
    for (let i = 0; i < count; i += 1) {
      const [email] = (await ds.query(
        `INSERT INTO email ("organisationId", direction, status, subject, body, "trackedBy", "occurredAt", "internetMessageId")
         VALUES ($1, 'INCOMING', 'RECEIVED', 'Hello', 'body', 'FILTER', $2, $3) RETURNING id`,
        [organisation.id, at, `<${randomUUID()}@fabrikam.example>`],
      )) as { id: string }[];
      await ds.query(
        `INSERT INTO email_copy ("mailboxId", "exchangeMessageId", "emailId", "organisationId", "folderId", "createdAt")
         VALUES ($1, $2, $3, $4, 'inbox', $5)`,
        [mailboxes[0]!.id, `AAMk${randomUUID()}`, email!.id, organisation.id, at],
      );
    }
  };
  await ingest(7, 3);
  await ingest(5, 1);
  // As workers count them: two failed syncs a minute ago, three 429s three minutes ago.
  const redis = new Redis(inject('redisUrl'));
  const counters = new RedisSyncHealthCounters(redis);
  for (let i = 0; i < 2; i += 1) counters.count(organisation.id, 'failures', Date.now() - 60_000);
  for (let i = 0; i < 3; i += 1) counters.count(organisation.id, 'throttled', Date.now() - 3 * 60_000);
  await counters.close();
  redis.disconnect();

  [web, browser] = await Promise.all([startWeb(api.baseUrl), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await signIn(page, adminEmail);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.server.stop();
  await api?.stop();
});

/** The text of every cell of a table, row by row (header row left out). */
const rowsOf = (table: ReturnType<Page['getByRole']>) =>
  table
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.slice(1).map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '')),
    );

describe('the sync-health dashboard', () => {
  it('opens from the navigation with the charts, their figures and the mailbox most behind', async () => {
    await page.getByRole('group', { name: 'Operations' }).getByRole('link', { name: 'Sync health' }).click();
    await page.getByRole('heading', { name: 'Sync health', level: 1 }).waitFor();

    const synced = page.getByRole('figure', { name: 'Emails synced per minute' });
    await synced.getByText('12 emails synced, last hour; most in one minute: 7 at').waitFor();
    const problems = page.getByRole('figure', { name: 'Failures and throttling per minute' });
    await problems.getByText('2 failed syncs and 3 throttled requests (429), last hour.').waitFor();
    await expectNoSeriousViolations(page);
    // The charts are drawn (SVG): a bar for each minute with emails, each with its own label.
    await synced.locator('svg rect[aria-label$="Emails synced, 7 emails."]').waitFor();
    await synced.locator('svg rect[aria-label$="Emails synced, 5 emails."]').waitFor();
    expect(await synced.locator('svg rect[aria-label*="Emails synced"]').count()).toBe(2);
    // Its legend names both lines.
    await problems.getByRole('option', { name: 'Failed syncs', exact: true }).waitFor();
    await problems.getByRole('option', { name: 'Throttled requests (429)', exact: true }).waitFor();
    expect(await problems.locator('svg path').count()).toBeGreaterThan(1);

    // The same figures as a table, for those who cannot see the charts.
    await page.getByText('Figures per minute').click();
    const figures = page.getByRole('table', { name: 'Figures per minute' });
    await figures.waitFor();
    await expectNoSeriousViolations(page);
    expect((await rowsOf(figures)).map((cells) => cells.slice(1))).toEqual([
      ['7', '0', '3'],
      ['5', '2', '0'],
    ]);

    const slowest = page.getByRole('table', { name: 'Slowest mailboxes' });
    const [first] = await rowsOf(slowest);
    expect(first).toEqual([behind.emailAddress, '3 h 5 min', expect.any(String), '4']);
    const link = slowest.getByRole('link', { name: behind.emailAddress });
    expect(await link.getAttribute('href')).toBe(`/mailboxes/${behind.id}`);

    const queues = page.getByRole('table', { name: 'Queue depth' });
    expect((await rowsOf(queues)).map((cells) => cells[0])).toEqual([
      'Administration (Configure email, directory import)',
      'Maintenance (polling sweep)',
      'Outgoing email',
      'Synchronisation (email, appointments, contacts, tasks)',
      'Mailbox tests (Approve and test)',
    ]);
  });

  it('opens bull-board from the queues link, with no token in its address', async () => {
    const [board] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('link', { name: /Queues \(bull-board\)/ }).click(),
    ]);
    await board.waitForURL(`${web.url}/admin/queues/`);
    // The board's own app lists Mailroom's queues, read through its API with the cookie.
    await board.getByText('maintenance', { exact: true }).first().waitFor({ timeout: 30_000 });
    expect(await board.title()).toBe('Mailroom queues');
    expect(board.url()).not.toMatch(/mrs_|token/);
    await board.close();
    expect(errors).toEqual([]);
  });

  it('tells an administrator whose organisation syncs nothing yet what to do', async () => {
    const ds = api.server.dataSource;
    const quiet = await newOrganisation(ds);
    const quietAdmin = await newUser(ds, quiet, { roles: ['SYSTEM_ADMINISTRATOR'], password: 'pw' });
    const context = await browser.newContext();
    const quietPage = await context.newPage();
    await signIn(quietPage, quietAdmin.primaryEmail);
    await quietPage.getByRole('link', { name: 'Sync health' }).click();
    await quietPage.getByRole('heading', { name: 'Nothing is syncing yet' }).waitFor();
    expect(await quietPage.getByRole('link', { name: 'Configure email' }).count()).toBeGreaterThanOrEqual(1);
    expect(await quietPage.getByRole('figure').count()).toBe(0);
    await quietPage.getByRole('table', { name: 'Queue depth' }).waitFor();
    await expectNoSeriousViolations(quietPage);
    await context.close();
  });

  it('is not offered to a salesperson, and the board refuses them', async () => {
    const context = await browser.newContext();
    const salesPage = await context.newPage();
    await signIn(salesPage, salesEmail);
    expect(await salesPage.getByRole('link', { name: 'Sync health' }).count()).toBe(0);
    const response = await salesPage.goto(`${web.url}/admin/queues/`);
    expect(response?.status()).toBe(401);
    await context.close();
  });
});
