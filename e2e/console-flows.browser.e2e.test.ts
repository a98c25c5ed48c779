// The console's two main flows in Chromium, in English and in Italian, finding controls by the
// names the feature string bundles give them (so the Italian run proves the Italian console), with
// axe-core on every page: the administrator configures email, approves and tests a mailbox that fails and dismisses
// its alert; a salesperson sends an email from an opportunity and sees the reply arrive live.
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import { FIONA, newEmailOrganisation } from './email-fixture.ts';
import { DEMO_TENANT, newExchangeOrganisation } from './exchange-org.ts';
import type { Spawned } from './processes.ts';
import { endToasts } from './toasts.ts';
import { startWeb } from './web-server.ts';
import { startWorker } from './worker-harness.ts';
import { emailConfigurationText } from '../apps/web/src/features/email-configuration/email-configuration.strings.ts';
import { jobsText } from '../apps/web/src/features/jobs/jobs.strings.ts';
import { alertsText } from '../apps/web/src/features/mailboxes/alerts.strings.ts';
import { mailboxesText } from '../apps/web/src/features/mailboxes/mailboxes.strings.ts';
import { notificationsText } from '../apps/web/src/features/notifications/notifications.strings.ts';
import { opportunitiesText } from '../apps/web/src/features/opportunities/opportunities.strings.ts';
import { sessionText } from '../apps/web/src/features/session/session.strings.ts';
import { shellText } from '../apps/web/src/features/shell/shell.strings.ts';
import { timelineText } from '../apps/web/src/features/timeline/timeline.strings.ts';
import { i18n, type Language, type StringBundle, type Strings, type Translate } from '../apps/web/src/shared/i18n.ts';

// The Italian run has the system in dark mode, so every page is checked in both themes too.
const LANGUAGES: readonly { language: Language; locale: string; colorScheme: 'light' | 'dark' }[] = [
  { language: 'en', locale: 'en-GB', colorScheme: 'light' },
  { language: 'it', locale: 'it-IT', colorScheme: 'dark' },
];

const SCREENSHOTS = 'test-results/screenshots';

/** A feature's strings in one language, values filled in and plurals chosen as the console does. */
const textIn = <E extends Strings>(bundle: StringBundle<E>, language: Language) =>
  // i18next's own key typing knows nothing of the bundles; Translate<E> checks the keys used here.
  i18n.getFixedT(language, bundle.namespace) as unknown as Translate<E>;

/** The strings of every feature the flows go through, in one language. */
const stringsIn = (language: Language) => ({
  session: textIn(sessionText, language),
  shell: textIn(shellText, language),
  notifications: textIn(notificationsText, language),
  configureEmail: textIn(emailConfigurationText, language),
  jobs: textIn(jobsText, language),
  mailboxes: textIn(mailboxesText, language),
  alerts: textIn(alertsText, language),
  opportunities: textIn(opportunitiesText, language),
  timeline: textIn(timelineText, language),
});
type ConsoleText = ReturnType<typeof stringsIn>;

let api: ApiHarness;
let worker: WorkerRuntime;
let web: { url: string; server: Spawned };
let browser: Browser;

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker({ env: { PUBLIC_API_URL: api.baseUrl, SYNC_SWEEP_SECONDS: '1' } });
  [web, browser] = await Promise.all([
    startWeb(api.baseUrl),
    launchChromium(),
    mkdir(`${SCREENSHOTS}/readme`, { recursive: true }),
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.server.stop();
  await worker?.stop();
  await api?.stop();
});

/** A browser as a user of that language would have, window 1280×800 (the docs' size). */
async function consoleIn(
  locale: string,
  colorScheme: 'light' | 'dark',
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, colorScheme, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, errors };
}

async function signIn(page: Page, s: ConsoleText, email: string) {
  await page.goto(web.url);
  await page.getByRole('button', { name: s.session('signIn') }).waitFor();
  await expectNoSeriousViolations(page, 'the sign-in page');
  await page.getByLabel(s.session('email')).fill(email);
  await page.getByLabel(s.session('password')).fill('test-password');
  await page.getByRole('button', { name: s.session('signIn') }).click();
  await page.getByRole('heading', { name: s.mailboxes('title'), level: 1 }).waitFor();
}

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);
const focusIn = (target: Locator) => target.evaluate((element) => element.contains(document.activeElement));

/** Presses Tab from where focus is until the control has it, as a keyboard user gets there. */
async function tabTo(page: Page, control: Locator) {
  for (let press = 0; press < 20 && !(await isFocused(control)); press += 1) await page.keyboard.press('Tab');
  expect(await isFocused(control)).toBe(true);
}

const screenshot = (page: Page, flow: string, language: Language, step: string) =>
  page.screenshot({ path: `${SCREENSHOTS}/${flow}-${language}-${step}.png`, fullPage: true });

/**
 * The README's pictures, viewport-sized (1280×800) so they stay small. Written with the other
 * artifacts, never into docs/ (a test run must leave the tree clean): copy them to docs/screenshots/
 * when the console's look changes.
 */
const readmeScreenshot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/readme/${name}.png` });

for (const { language, locale, colorScheme } of LANGUAGES) {
  describe(`the console in ${locale}, ${colorScheme}`, () => {
    const s = stringsIn(language);

    it('administrator: configures email, approves and tests a failing mailbox, and dismisses its alert', async () => {
      const org = await newExchangeOrganisation(api.server.dataSource);
      try {
        const admin = await api.client.signIn(org.email('admin'), 'test-password');
        const connected = await admin.request(
          'mutation($input: ConnectTenantInput!) { connectTenant(input: $input) { status } }',
          {
            input: {
              tenantId: DEMO_TENANT.tenantId,
              clientId: DEMO_TENANT.clientId,
              clientSecret: DEMO_TENANT.clientSecret,
            },
          },
        );
        expect(connected.data?.connectTenant.status).toBe('READY');

        const { context, page, errors } = await consoleIn(locale, colorScheme);
        await signIn(page, s, org.email('admin'));
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        await expectNoSeriousViolations(page, 'the mailbox list (empty)');

        // Sales Settings → Configure email, and run it.
        await page
          .getByRole('group', { name: s.shell('nav.salesSettings') })
          .getByRole('link', { name: s.shell('nav.configureEmail') })
          .click();
        await page.getByRole('heading', { name: s.configureEmail('heading'), level: 1 }).waitFor();
        await page.getByText(s.configureEmail('status.READY')).waitFor();
        await expectNoSeriousViolations(page, 'Configure email, ready');
        await page.getByRole('button', { name: s.configureEmail('configure') }).click();
        await page.getByText(s.configureEmail('finished.done'), { exact: true }).waitFor({ timeout: 30_000 });
        const report = page.getByRole('grid', { name: s.configureEmail('reportHeading') });
        const reportRow = (email: string) =>
          report.getByRole('row').filter({ has: page.getByRole('link', { name: email }) });
        await expect
          .poll(() => reportRow(org.email('sales.pro')).textContent())
          .toContain(s.jobs('outcome.approvedTestedAndEnabled'));
        expect(await reportRow(org.email('no.exchange')).textContent()).toContain(s.jobs('reason.NO_EXCHANGE_LICENSE'));
        await expectNoSeriousViolations(page, 'Configure email, finished with its report');
        await screenshot(page, 'administrator', language, 'configure-email-report');

        // Mailboxes → the mailbox without an Exchange licence → Approve and test: it fails, live.
        await page
          .getByRole('navigation')
          .getByRole('link', { name: s.shell('nav.mailboxes') })
          .click();
        const failing = org.email('no.exchange');
        await page.getByRole('checkbox', { name: s.mailboxes('selectMailbox', { email: failing }) }).check();
        await page.getByRole('button', { name: s.mailboxes('approveAndTestMailboxes') }).click();
        // A toast confirms the start; the job's outcome stays on the page.
        await page
          .getByRole('listitem', { name: s.mailboxes('job.started', { job: s.mailboxes('job.APPROVE_AND_TEST') }) })
          .waitFor();
        await endToasts(page);
        await page
          .getByText(
            s.mailboxes('job.outcome', {
              job: s.mailboxes('job.APPROVE_AND_TEST'),
              outcome: s.mailboxes('job.someFailed', { failed: 1, count: 1 }),
            }),
          )
          .waitFor({ timeout: 30_000 });
        const gridRow = page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: failing }) });
        await expect.poll(() => gridRow.textContent()).toContain(s.mailboxes('testStatus.FAILURE'));
        await expectNoSeriousViolations(page, 'the mailbox list after Approve and test');
        await screenshot(page, 'administrator', language, 'mailboxes-after-approve-and-test');
        if (language === 'it') await readmeScreenshot(page, 'mailboxes-approve-and-test-it');

        // Its record shows the alert; dismissed, it is gone.
        await gridRow.getByRole('link', { name: failing }).click();
        await page.getByRole('heading', { name: failing, level: 1 }).waitFor();
        const alerts = page.getByRole('list', { name: s.mailboxes('alerts.list') });
        await expect.poll(() => alerts.getByRole('listitem').count()).toBe(1);
        // Worded in the reader's language from the alert's code and params.
        await alerts.getByText(s.alerts('alert.NO_EXCHANGE_MAILBOX', { address: failing }), { exact: true }).waitFor();
        await expectNoSeriousViolations(page, 'the failing mailbox with its alert');
        await screenshot(page, 'administrator', language, 'mailbox-alert');
        await alerts.getByRole('button', { name: s.mailboxes('alerts.dismiss') }).click();
        await page.getByText(s.mailboxes('alerts.none')).waitFor();
        await page.getByRole('listitem', { name: s.mailboxes('alerts.dismissed') }).waitFor();
        await endToasts(page);
        expect(await alerts.count()).toBe(0);
        await expectNoSeriousViolations(page, 'the mailbox with no open alert');

        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await org.emulator.stop();
      }
    });

    it('salesperson: sends an email from an opportunity and sees the reply arrive without a reload', async () => {
      const fixture = await newEmailOrganisation(api);
      try {
        const { context, page, errors } = await consoleIn(locale, colorScheme);
        await signIn(page, s, fixture.org.email('sales.pro'));
        await expectNoSeriousViolations(page, 'the salesperson’s mailbox list');

        // The notifications dialog by keyboard alone: it opens, keeps Tab inside, and Escape gives
        // focus back to the bell.
        const bell = page.getByRole('button', { name: s.notifications('heading') });
        await tabTo(page, bell);
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', { name: s.notifications('heading') });
        await dialog.getByRole('heading', { name: s.notifications('heading') }).waitFor();
        await expect.poll(() => focusIn(dialog)).toBe(true);
        await expectNoSeriousViolations(page, 'the notifications dialog');
        // Tab goes round the dialog's own controls (Mark all as read, each notification's link), never out of it.
        for (let press = 0; press < 3; press += 1) {
          await page.keyboard.press('Tab');
          expect(await focusIn(dialog)).toBe(true);
          expect(await page.evaluate(() => document.activeElement?.matches('button, a[href]'))).toBe(true);
        }
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        expect(await isFocused(bell)).toBe(true);

        // Opportunities → Fabrikam renewal.
        await page
          .getByRole('navigation')
          .getByRole('link', { name: s.shell('nav.opportunities') })
          .click();
        await page.getByRole('heading', { name: s.opportunities('heading'), level: 1 }).waitFor();
        await page.getByRole('link', { name: 'Fabrikam renewal' }).waitFor();
        await expectNoSeriousViolations(page, 'the opportunity list');
        await page.getByRole('link', { name: 'Fabrikam renewal' }).click();
        await page.getByRole('heading', { name: 'Fabrikam renewal', level: 1 }).waitFor();
        await page.getByText(s.timeline('activities', { n: 0, count: 0 }), { exact: true }).waitFor();
        await expectNoSeriousViolations(page, 'the opportunity with an empty timeline');
        // A reload would lose this mark.
        await page.evaluate('window.__sameDocument = true');

        // Send from the composer: the email goes out through the salesperson's mailbox.
        const composer = page.getByRole('form', { name: s.timeline('emailComposer.heading') });
        expect(
          await composer.getByRole('textbox', { name: new RegExp(`^${s.timeline('email.to')}`) }).inputValue(),
        ).toBe(FIONA);
        await composer
          .getByRole('textbox', { name: new RegExp(`^${s.timeline('composer.subject')}`) })
          .fill('Renewal proposal');
        await composer
          .getByRole('textbox', { name: new RegExp(`^${s.timeline('emailComposer.message')}`) })
          .fill('Dear Fiona,\n\nHere is our proposal for next year.\nBest regards');
        await composer.getByRole('button', { name: s.timeline('emailComposer.send') }).click();
        await composer.getByText(s.timeline('emailComposer.queued')).waitFor();
        const outgoing = page.getByRole('article', { name: /^Renewal proposal CRM:\d{7}$/ });
        await outgoing.getByText(s.timeline('emailStatus.SENT'), { exact: true }).waitFor({ timeout: 30_000 });
        const subject = (await outgoing.getByRole('heading').textContent())!;
        await expectNoSeriousViolations(page, 'the opportunity with the sent email');
        await screenshot(page, 'salesperson', language, 'sent');

        // Fiona replies (the token in the subject is enough to correlate it); it shows up live.
        await fixture.deliver(fixture.org.email('sales.pro'), {
          from: FIONA,
          to: [fixture.org.email('sales.pro')],
          subject: `RE: ${subject}`,
          body: { contentType: 'html', content: '<p>Thanks, the proposal looks good.</p>' },
        });
        const reply = page.getByRole('article', { name: `RE: ${subject}`, exact: true });
        await reply.getByText('Thanks, the proposal looks good.').waitFor({ timeout: 30_000 });
        await reply.getByText(s.timeline('emailStatus.RECEIVED'), { exact: true }).waitFor();
        await page.getByText(s.timeline('activities', { n: 2, count: 2 }), { exact: true }).waitFor();
        expect(await page.evaluate('window.__sameDocument')).toBe(true);
        await expectNoSeriousViolations(page, 'the opportunity with the reply');
        await screenshot(page, 'salesperson', language, 'reply');
        if (language === 'en') {
          // Scrolled to the timeline (as far as the page goes): the reply above the sent email, each with its status.
          await page
            .getByRole('heading', { name: s.timeline('heading') })
            .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
          await readmeScreenshot(page, 'opportunity-reply-en');
        }

        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await fixture.org.emulator.stop();
      }
    });

    it('salesperson without email: the help on the missing email options opens and closes by keyboard', async () => {
      const org = await newExchangeOrganisation(api.server.dataSource);
      try {
        const { context, page, errors } = await consoleIn(locale, colorScheme);
        await signIn(page, s, org.email('salesperson'));
        const help = page.getByRole('button', { name: s.shell('help.open') });
        await tabTo(page, help);
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', { name: s.shell('help.title') });
        await dialog.waitFor();
        await expect.poll(() => focusIn(dialog)).toBe(true);
        await expectNoSeriousViolations(page, 'the help on the missing email options');
        // Modal: Tab stays on the dialog's Close, Escape closes it and focus is back where it was.
        await page.keyboard.press('Tab');
        expect(await isFocused(dialog.getByRole('button', { name: s.shell('help.close') }))).toBe(true);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        expect(await isFocused(help)).toBe(true);
        expect(errors).toEqual([]);
        await context.close();
      } finally {
        await org.emulator.stop();
      }
    });
  });
}
