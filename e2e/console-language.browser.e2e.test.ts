import { AUTO_APPROVAL_REASON_TEXT } from '@mailroom/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { emailConfigurationText } from '../apps/web/src/features/email-configuration/email-configuration.strings.ts';
import { emailServerProfilesText } from '../apps/web/src/features/email-server-profiles/email-server-profiles.strings.ts';
import { jobsText } from '../apps/web/src/features/jobs/jobs.strings.ts';
import { sessionText } from '../apps/web/src/features/session/session.strings.ts';
import { shellText } from '../apps/web/src/features/shell/shell.strings.ts';
import { sharedText } from '../apps/web/src/shared/shared.strings.ts';
import { i18n } from '../apps/web/src/shared/i18n.ts';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import { DEMO_TENANT, newExchangeOrganisation } from './exchange-org.ts';
import type { Spawned } from './processes.ts';
import { startWeb } from './web-server.ts';
import { startWorker } from './worker-harness.ts';

let api: ApiHarness;
let worker: WorkerRuntime;
let web: { url: string; server: Spawned };
let browser: Browser;
let org: Awaited<ReturnType<typeof newExchangeOrganisation>>;
const contexts: BrowserContext[] = [];

const TIME_ZONE = 'Europe/Rome';

beforeAll(async () => {
  api = await startApi();
  org = await newExchangeOrganisation(api.server.dataSource);
  worker = await startWorker();
  // Email configured through the API, so the Italian pages have a status, a date and a report to show.
  const admin = await api.client.signIn(org.email('admin'), 'test-password');
  const connected = await admin.request(
    'mutation($input: ConnectTenantInput!) { connectTenant(input: $input) { status } }',
    {
      input: { tenantId: DEMO_TENANT.tenantId, clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret },
    },
  );
  expect(connected.data?.connectTenant.status).toBe('READY');
  const started = await admin.request('mutation { configureEmail { id } }');
  expect(started.errors).toBeUndefined();
  // The worker runs the job; wait for it as a reader of the page would see it: configured, finished.
  for (let attempt = 0; ; attempt++) {
    const state = (await admin.request('{ emailConfiguration { status lastJob { status } } }')).data
      ?.emailConfiguration;
    if (state?.status === 'CONFIGURED' && state.lastJob?.status === 'COMPLETED') break;
    if (attempt === 600) throw new Error(`Configure email did not finish: ${JSON.stringify(state)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  [web, browser] = await Promise.all([startWeb(api.baseUrl), launchChromium()]);
}, 180_000);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await web?.server.stop();
  await worker?.stop();
  await api?.stop();
  await org?.emulator.stop();
});

/** A fresh browser profile (nothing remembered) with the given language, scheme and window size. */
async function openPage(options: {
  locale: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ timezoneId: TIME_ZONE, ...options });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, errors };
}

async function signIn(page: Page, text: typeof sessionText.en | typeof sessionText.it) {
  await page.goto(web.url);
  await page.getByLabel(text.email).fill(org.email('admin'));
  await page.getByLabel(text.password).fill('test-password');
  await page.getByRole('button', { name: text.signIn }).click();
}

/** The body's background as relative luminance (0 black … 1 white). */
async function bodyLuminance(page: Page): Promise<number> {
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  if (r === undefined || g === undefined || b === undefined) throw new Error(`not a colour: ${color}`);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('the console’s language, theme and narrow screens', () => {
  it('opens in Italian for an Italian browser, switches to English at once and keeps it after a reload', async () => {
    const { page, errors } = await openPage({ locale: 'it-IT' });
    await page.goto(web.url);
    await page.getByRole('heading', { name: sessionText.it.heading }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('it');
    await page.getByRole('button', { name: sessionText.it.signIn }).waitFor();
    await page.getByLabel(sessionText.it.email).waitFor();
    await expectNoSeriousViolations(page);

    // A wrong password is answered in Italian too.
    await page.getByLabel(sessionText.it.email).fill(org.email('admin'));
    await page.getByLabel(sessionText.it.password).fill('wrong password');
    await page.getByRole('button', { name: sessionText.it.signIn }).click();
    await page.getByText(sessionText.it.wrongCredentials).waitFor();
    await expectNoSeriousViolations(page);

    await page.getByRole('combobox', { name: sharedText.it.language }).selectOption('en');
    // At once: no reload, the same page re-rendered in English.
    await page.getByRole('heading', { name: sessionText.en.heading }).waitFor();
    await page.getByText(sessionText.en.wrongCredentials).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await page.getByRole('heading', { name: sessionText.en.heading }).waitFor();
    expect(await page.getByRole('combobox', { name: sharedText.en.language }).inputValue()).toBe('en');
    expect(await page.getByText(sessionText.it.heading).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('follows the system’s theme until one is picked, and keeps the pick after a reload', async () => {
    const { page } = await openPage({ locale: 'en-GB', colorScheme: 'light' });
    await page.goto(web.url);
    await page.getByRole('heading', { name: sessionText.en.heading }).waitFor();
    expect(await bodyLuminance(page)).toBeGreaterThan(0.8);

    const theme = page.getByRole('combobox', { name: sharedText.en.theme });
    await theme.selectOption('dark');
    await expect.poll(() => bodyLuminance(page)).toBeLessThan(0.2);
    // The sign-in card is dark too, not only the page around it.
    const card = await page
      .getByRole('form', { name: sessionText.en.heading })
      .evaluate((form) => getComputedStyle(form).backgroundColor);
    expect(card).not.toBe('rgb(255, 255, 255)');
    await expectNoSeriousViolations(page, 'the sign-in page, dark');

    await page.reload();
    await page.getByRole('heading', { name: sessionText.en.heading }).waitFor();
    expect(await bodyLuminance(page)).toBeLessThan(0.2);
    expect(await theme.inputValue()).toBe('dark');

    // Back to the system's setting, which is followed as it changes.
    await theme.selectOption('system');
    await expect.poll(() => bodyLuminance(page)).toBeGreaterThan(0.8);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => bodyLuminance(page)).toBeLessThan(0.2);
  });

  it('fits a tablet: the navigation folds behind a button and nothing scrolls sideways', async () => {
    const { page, errors } = await openPage({ locale: 'en-GB', viewport: { width: 768, height: 1024 } });
    await signIn(page, sessionText.en);
    await page.getByRole('heading', { name: shellText.en['nav.mailboxes'], level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: shellText.en['nav.label'] });
    const configureLink = nav.getByRole('link', { name: shellText.en['nav.configureEmail'] });
    expect(await configureLink.isVisible()).toBe(false);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousViolations(page, 'the mailboxes on a tablet');

    const menu = page.getByRole('button', { name: shellText.en['nav.show'] });
    await menu.click();
    await configureLink.waitFor();
    await expectNoSeriousViolations(page, 'the navigation unfolded on a tablet');
    await configureLink.click();
    await page.getByRole('heading', { name: emailConfigurationText.en.heading, level: 1 }).waitFor();
    // Choosing a page folds the navigation again.
    expect(await configureLink.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: shellText.en['nav.show'] }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    await page.getByRole('grid', { name: emailConfigurationText.en.reportHeading }).waitFor();
    await expectNoSeriousViolations(page, 'Configure email on a tablet');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: shellText.en['nav.show'] }).click();
    await nav.getByRole('link', { name: shellText.en['nav.emailServerProfiles'] }).click();
    await page.getByRole('heading', { name: emailServerProfilesText.en.heading, level: 1 }).waitFor();
    await page.getByRole('button', { name: emailServerProfilesText.en.save }).waitFor();
    await expectNoSeriousViolations(page, 'the email server profiles on a tablet');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('shows Configure email and the email server profiles in Italian, dates as Italians write them', async () => {
    const { page, errors } = await openPage({ locale: 'it-IT', viewport: { width: 1400, height: 900 } });
    await signIn(page, sessionText.it);
    const nav = page.getByRole('navigation', { name: shellText.it['nav.label'] });
    await nav.getByRole('link', { name: shellText.it['nav.mailboxes'] }).waitFor();
    await nav.getByRole('group', { name: shellText.it['nav.salesSettings'] }).waitFor();
    await nav.getByRole('link', { name: shellText.it['nav.configureEmail'] }).click();

    const t = emailConfigurationText.it;
    await page.getByRole('heading', { name: t.heading, level: 1 }).waitFor();
    await page.getByText(t['status.CONFIGURED'], { exact: true }).waitFor();
    await page.getByText(t['nextStep.CONFIGURED']).waitFor();
    await page.getByRole('button', { name: t.configure }).waitFor();
    await page.getByText(t['finished.done'], { exact: true }).waitFor();

    // The dates as the reader's browser writes them in Italian, in their time zone.
    const admin = await api.client.signIn(org.email('admin'), 'test-password');
    const state = (await admin.request('{ emailConfiguration { configuredAt lastJob { finishedAt } } }')).data
      ?.emailConfiguration;
    const [configuredAt, finishedAt] = await page.evaluate(
      (isos) =>
        isos.map((iso) =>
          new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
        ),
      [state.configuredAt as string, state.lastJob.finishedAt as string],
    );
    await page.getByText(t.since.replace('{{when}}', configuredAt!), { exact: true }).waitFor();
    await page.getByText(`${t['finished.when'].replace('{{when}}', finishedAt!)} ${t['finished.doneBody']}`).waitFor();
    // Italian months, not English ones: the same moment in English reads differently.
    const english = new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: TIME_ZONE,
    }).format(new Date(state.configuredAt));
    expect(configuredAt).not.toBe(english);

    const report = page.getByRole('grid', { name: t.reportHeading });
    await report.getByRole('columnheader', { name: jobsText.it['report.outcome'] }).waitFor();
    const enabledRow = report
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: org.email('sales.pro') }) });
    await expect.poll(() => enabledRow.textContent()).toContain(jobsText.it['outcome.approvedTestedAndEnabled']);
    const refusedRow = report
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: org.email('no.exchange') }) });
    await expect.poll(() => refusedRow.textContent()).toContain(jobsText.it['reason.NO_EXCHANGE_LICENSE']);
    // Worded from the reason's code only: the API's English sentence for it is not shown besides.
    expect(await refusedRow.textContent()).not.toContain(AUTO_APPROVAL_REASON_TEXT.NO_EXCHANGE_LICENSE);
    await page.getByRole('heading', { name: t['connection.heading'] }).waitFor();
    await expectNoSeriousViolations(page);

    await nav.getByRole('link', { name: shellText.it['nav.emailServerProfiles'] }).click();
    const p = emailServerProfilesText.it;
    await page.getByRole('heading', { name: p.heading, level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Exchange Online' });
    await form.getByRole('group', { name: p.processing }).waitFor();
    expect(await form.getByRole('spinbutton', { name: p.maxConcurrentRequestsPerMailbox }).inputValue()).toMatch(
      /^[1-4]$/,
    );
    await form.getByRole('switch', { name: p.moveFailedToUndeliverable }).waitFor();
    await form.getByRole('button', { name: p.save }).waitFor();
    await expectNoSeriousViolations(page);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);

    // A saved change is confirmed by a toast in Italian.
    const interval = form.getByRole('spinbutton', { name: p.minPollingIntervalSeconds });
    await interval.fill(String(Number(await interval.inputValue()) + 15));
    await form.getByRole('button', { name: p.save }).click();
    const profiles = i18n.getFixedT('it', emailServerProfilesText.namespace);
    const saved = page.getByRole('listitem', { name: profiles('saved', { name: 'Exchange Online' }) });
    await saved.getByText(p.savedBody).waitFor();
    expect(errors).toEqual([]);
  });
});
