// A salesperson adds a task on an opportunity in the web console; it reaches their Microsoft To Do
// (the emulator) through the worker's ACT sync, they complete it there, and the timeline shows it
// completed without a reload.
import { EmailServerProfile } from '@mailroom/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import { eventually, FIONA, newEmailOrganisation, type EmailOrganisation } from './email-fixture.ts';
import type { Spawned } from './processes.ts';
import { startWeb } from './web-server.ts';
import { startWorker } from './worker-harness.ts';

let api: ApiHarness;
let worker: WorkerRuntime;
let web: { url: string; server: Spawned };
let browser: Browser;
let fixture: EmailOrganisation;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker({ env: { SYNC_SWEEP_SECONDS: '1' } });
  fixture = await newEmailOrganisation(api);
  // Polled every 2 s: To Do sends no change notification the sync subscribes to yet.
  await api.server.dataSource
    .getRepository(EmailServerProfile)
    .update({ organisationId: fixture.org.organisation.id }, { minPollingIntervalSeconds: 2 });
  [web, browser] = await Promise.all([startWeb(api.baseUrl), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(web.url);
  await page.getByLabel('Email').fill(fixture.org.email('sales.pro'));
  await page.getByLabel('Password').fill('test-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Mailboxes' }).waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.server.stop();
  await worker?.stop();
  await api?.stop();
  await fixture?.org.emulator.stop();
});

describe('tasks on an opportunity in the web console', () => {
  it('adds a task that reaches To Do, and shows it completed once it is completed there', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Opportunities' }).click();
    await page.getByRole('link', { name: 'Fabrikam renewal' }).click();
    await page.getByRole('heading', { name: 'Fabrikam renewal', level: 1 }).waitFor();
    await page.evaluate('window.__sameDocument = true');
    await expectNoSeriousViolations(page);

    const composer = page.getByRole('form', { name: 'New task' });
    await composer.getByRole('button', { name: 'Add task' }).click();
    await composer.getByText('Add a subject.').waitFor();
    await expectNoSeriousViolations(page);
    await composer.getByRole('textbox', { name: /^Task/ }).fill('Send Fiona the signed order form');
    await composer.getByLabel('Due').fill('2026-12-04');
    await composer.getByRole('button', { name: 'Add task' }).click();
    await composer.getByText('Task added').waitFor();

    const task = page.getByRole('article', { name: 'Send Fiona the signed order form', exact: true });
    await task.getByText('Not started', { exact: true }).waitFor();
    expect(await task.textContent()).toContain('Due');

    // In the user's To Do, through the worker's ACT sync.
    const upn = encodeURIComponent(fixture.org.email('sales.pro'));
    const lists = await fixture.graph(`/users/${upn}/todo/lists`);
    const listId = lists.value.find((l: any) => l.wellknownListName === 'defaultList').id;
    const inTodo = await eventually(
      async () =>
        ((await fixture.graph(`/users/${upn}/todo/lists/${listId}/tasks`)).value as any[]).find(
          (t) => t.title === 'Send Fiona the signed order form',
        ),
      (t) => t !== undefined,
      'the task in To Do',
      30_000,
    );
    expect(inTodo.status).toBe('notStarted');

    // Completed in To Do (as Outlook would): the timeline follows without a reload.
    await fixture.graph(`/users/${upn}/todo/lists/${listId}/tasks/${inTodo.id}`, 'PATCH', { status: 'completed' });
    await task.getByText('Completed', { exact: true }).waitFor({ timeout: 30_000 });
    await task.getByRole('button', { name: 'Reopen' }).waitFor();
    await expectNoSeriousViolations(page);
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/task-completed-in-todo.png', fullPage: true });
  });
});

describe('appointments on an opportunity in the web console', () => {
  it('books an appointment with the contacts that lands in the calendar and on the timeline', async () => {
    const composer = page.getByRole('form', { name: 'New appointment' });
    expect(await composer.getByRole('textbox', { name: /^Attendees/ }).inputValue()).toBe(FIONA);
    await composer.getByRole('textbox', { name: /^Subject/ }).fill('Pricing workshop');
    await composer.getByRole('textbox', { name: /^Location/ }).fill('Fabrikam HQ');
    await composer.getByLabel(/^Day/).fill('2026-12-10');
    await composer.getByLabel(/^From/).fill('14:00');
    await composer.getByLabel(/^To/).fill('15:30');
    await composer.getByRole('button', { name: 'Book appointment' }).click();
    await composer.getByText('Appointment booked').waitFor();

    const appointment = page.getByRole('article', { name: 'Pricing workshop', exact: true });
    await appointment.waitFor();
    expect(await appointment.textContent()).toContain('Fabrikam HQ');
    expect(await appointment.textContent()).toContain(FIONA);
    await expectNoSeriousViolations(page);

    const upn = encodeURIComponent(fixture.org.email('sales.pro'));
    const inCalendar = await eventually(
      async () =>
        ((await fixture.graph(`/users/${upn}/events?$top=100`)).value as any[]).find(
          (e) => e.subject === 'Pricing workshop',
        ),
      (e) => e !== undefined,
      'the appointment in the calendar',
      30_000,
    );
    expect(inCalendar.location.displayName).toBe('Fabrikam HQ');
    expect(inCalendar.attendees.map((a: any) => a.emailAddress.address)).toEqual([FIONA]);
    expect(errors).toEqual([]);
  });
});
