// A salesperson whose browser is in Italian opens an opportunity: headings, composers, the
// timeline's statuses, the amount and the dates are Italian, and what they send and add shows on
// the timeline in Italian. Switching to English in the language menu changes it all in place.
import { Opportunity } from '@mailroom/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { opportunitiesText } from '../apps/web/src/features/opportunities/opportunities.strings.ts';
import { timelineText } from '../apps/web/src/features/timeline/timeline.strings.ts';
import { sharedText } from '../apps/web/src/shared/shared.strings.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import { FIONA, newEmailOrganisation, type EmailOrganisation } from './email-fixture.ts';
import { gridFit, pageOverflow } from './layout.ts';
import type { Spawned } from './processes.ts';
import { startWeb } from './web-server.ts';
import { startWorker } from './worker-harness.ts';

const OPPORTUNITY = opportunitiesText.it;
const TIMELINE = timelineText.it;
/** "12 dic 2026, 14:05": an Italian medium date with the time. */
const ITALIAN_DATE_TIME = /^\d{1,2} (gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic) \d{4}, \d{2}:\d{2}$/;

let api: ApiHarness;
let worker: WorkerRuntime;
let web: { url: string; server: Spawned };
let browser: Browser;
let context: BrowserContext;
let fixture: EmailOrganisation;
let page: Page;
const errors: string[] = [];

/** The value a record's detail list shows for a term. */
const detail = (term: string) => page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker();
  fixture = await newEmailOrganisation(api);
  await api.server.dataSource
    .getRepository(Opportunity)
    .update({ id: fixture.opportunityId }, { estimatedValueMinor: '1250000' });
  [web, browser] = await Promise.all([startWeb(api.baseUrl), launchChromium()]);
  context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(web.url);
  // The sign-in form's words are another feature's; its fields are found by what they are.
  await page.locator('input[name="email"]').fill(fixture.org.email('sales.pro'));
  await page.locator('input[name="password"]').fill('test-password');
  await page.locator('button[type="submit"]').click();
  await page.waitForFunction(() => window.localStorage.getItem('mailroom.session') !== null);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await web?.server.stop();
  await worker?.stop();
  await api?.stop();
  await fixture?.org.emulator.stop();
});

describe('an opportunity with the browser in Italian', () => {
  it('lists opportunities with Italian headings and the value in Italian euros', async () => {
    await page.goto(`${web.url}/opportunities`);
    await page.getByRole('heading', { name: OPPORTUNITY.heading, level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    await page.getByText('1 opportunità', { exact: true }).waitFor();
    const grid = page.getByRole('grid', { name: OPPORTUNITY.heading });
    await grid.getByRole('columnheader', { name: OPPORTUNITY.estimatedValue }).waitFor();
    await expectNoSeriousViolations(page);
    const row = grid.getByRole('row', { name: /Fabrikam renewal/ });
    expect(await row.textContent()).toContain('12.500,00\u00a0€');

    // At 1280 px, navigation open, every Italian column fits; on a tablet the grid scrolls in its own box.
    await page.setViewportSize({ width: 1280, height: 900 });
    const fit = await gridFit(grid);
    expect(fit.spilling).toEqual([]);
    expect(fit.sideways).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousViolations(page, 'the opportunities on a tablet');
    await page.setViewportSize({ width: 1400, height: 900 });

    // The arrow keys move through the grid: down from the header to the row's link, which opens it.
    await grid.getByRole('columnheader', { name: OPPORTUNITY.name }).focus();
    await page.keyboard.press('ArrowDown');
    const link = row.getByRole('link', { name: 'Fabrikam renewal' });
    expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('shows the record, the composers and the timeline in Italian', async () => {
    await page.getByRole('link', { name: 'Fabrikam renewal' }).click();
    await page.getByRole('heading', { name: 'Fabrikam renewal', level: 1 }).waitFor();
    expect(await detail(OPPORTUNITY.estimatedValue).textContent()).toBe('12.500,00\u00a0€');
    expect(await detail(OPPORTUNITY.created).textContent()).toMatch(ITALIAN_DATE_TIME);
    await page.getByRole('heading', { name: TIMELINE.heading, level: 2 }).waitFor();
    await page.getByText(TIMELINE.empty).waitFor();
    await expectNoSeriousViolations(page);

    // An email: Italian labels and button, then its status on the timeline in Italian.
    const emailForm = page.getByRole('form', { name: TIMELINE['emailComposer.heading'] });
    expect(await emailForm.getByRole('textbox', { name: new RegExp(`^${TIMELINE['email.to']}\\b`) }).inputValue()).toBe(
      FIONA,
    );
    await emailForm.getByRole('textbox', { name: new RegExp(`^${TIMELINE['composer.subject']}`) }).fill('Proposta');
    await emailForm.getByRole('button', { name: TIMELINE['emailComposer.send'] }).click();
    await emailForm.getByText(TIMELINE['emailComposer.queued']).waitFor();
    // The subject carries the tracking token the API adds.
    const email = page.getByRole('article', { name: /^Proposta CRM:\d{7}$/ });
    await email.waitFor();
    expect(await email.textContent()).toContain(TIMELINE['direction.OUTGOING']);
    await email.getByText(TIMELINE['emailStatus.SENT'], { exact: true }).waitFor({ timeout: 30_000 });
    expect(await email.locator('time').first().textContent()).toMatch(ITALIAN_DATE_TIME);

    // A task: Italian validation, then "Non avviata" with an Italian due date.
    const taskForm = page.getByRole('form', { name: TIMELINE['taskComposer.heading'] });
    await taskForm.getByRole('button', { name: TIMELINE['taskComposer.add'] }).click();
    await taskForm.getByText(TIMELINE['composer.addSubject']).waitFor();
    await expectNoSeriousViolations(page, 'the opportunity with a composer error');
    await taskForm
      .getByRole('textbox', { name: new RegExp(`^${TIMELINE['taskComposer.task']}`) })
      .fill('Chiamare Fiona');
    await taskForm.getByLabel(TIMELINE['taskComposer.due']).fill('2026-12-04');
    await taskForm.getByRole('button', { name: TIMELINE['taskComposer.add'] }).click();
    await taskForm.getByText(TIMELINE['taskComposer.added']).waitFor();
    const task = page.getByRole('article', { name: 'Chiamare Fiona', exact: true });
    await task.getByText(TIMELINE['taskStatus.NOT_STARTED'], { exact: true }).waitFor();
    expect(await task.textContent()).toContain(`${TIMELINE['task.due']} 4 dic 2026, 09:00`);
    await task.getByRole('button', { name: TIMELINE['task.markComplete'] }).waitFor();
    await page.getByText('2 attività', { exact: true }).waitFor();

    const appointmentForm = page.getByRole('form', { name: TIMELINE['appointmentComposer.heading'] });
    await appointmentForm.getByRole('button', { name: TIMELINE['appointmentComposer.book'] }).waitFor();
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: 'test-results/opportunity-italian.png', fullPage: true });

    // English from the language menu: the same page, re-rendered in place.
    await page.getByRole('combobox', { name: sharedText.it.language }).selectOption('en');
    await page.getByRole('heading', { name: timelineText.en.heading, level: 2 }).waitFor();
    expect(await detail(opportunitiesText.en.estimatedValue).textContent()).toBe('€12,500.00');
    await task.getByText(timelineText.en['taskStatus.NOT_STARTED'], { exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(errors).toEqual([]);
  });

  it('says why an email was not sent in Italian, not in the API’s English', async () => {
    await page.getByRole('combobox', { name: sharedText.en.language }).selectOption('it');
    await page.getByRole('heading', { name: TIMELINE.heading, level: 2 }).waitFor();
    // The email is queued while no worker runs, and outgoing email is turned off before one does.
    await worker.stop();
    const emailForm = page.getByRole('form', { name: TIMELINE['emailComposer.heading'] });
    await emailForm.getByRole('textbox', { name: new RegExp(`^${TIMELINE['composer.subject']}`) }).fill('Sollecito');
    await emailForm.getByRole('button', { name: TIMELINE['emailComposer.send'] }).click();
    await emailForm.getByText(TIMELINE['emailComposer.queued']).waitFor();
    await api.server.dataSource.query(`UPDATE mailbox SET "enabledForOutgoing" = false WHERE id = $1`, [
      fixture.mailboxOf('sales.pro'),
    ]);
    worker = await startWorker();

    const email = page.getByRole('article', { name: /^Sollecito CRM:\d{7}$/ });
    await email.getByText(TIMELINE['emailStatus.FAILED'], { exact: true }).waitFor({ timeout: 30_000 });
    await email.getByText(TIMELINE['email.notSent'], { exact: true }).waitFor();
    // The message bar's body holds its title and the reason.
    const reason = email.getByText(TIMELINE['sendFailure.MAILBOX_NOT_ENABLED']);
    expect(await reason.textContent()).toBe(
      `${TIMELINE['email.notSent']}${TIMELINE['sendFailure.MAILBOX_NOT_ENABLED']}`,
    );
    expect(await email.textContent()).not.toContain(timelineText.en['sendFailure.MAILBOX_NOT_ENABLED']);
    await expectNoSeriousViolations(page, 'the opportunity with an email that was not sent');
    expect(errors).toEqual([]);
  });
});
