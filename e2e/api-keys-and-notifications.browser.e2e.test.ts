// The API keys and notifications pages in Chromium, found by the names their string bundles give
// the controls, with axe-core on each: a key created in the console is shown once, calls the API as
// its user, and stops working once revoked there; the notifications page (in Italian) pages through
// a user's notifications, words them in Italian, adds a new one live and marks them all read —
// those not loaded too — which empties the bell.
import { randomUUID } from 'node:crypto';
import { TOPICS, addNotification, profileFailingNotification, type Organisation, type User } from '@mailroom/domain';
import { newOrganisation, newRoleMailboxes, newUser } from '@mailroom/domain/testing';
import { Redis } from 'ioredis';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import { apiKeysText } from '../apps/web/src/features/api-keys/api-keys.strings.ts';
import { mailboxesText } from '../apps/web/src/features/mailboxes/mailboxes.strings.ts';
import { notificationsText } from '../apps/web/src/features/notifications/notifications.strings.ts';
import { opportunitiesText } from '../apps/web/src/features/opportunities/opportunities.strings.ts';
import { sessionText } from '../apps/web/src/features/session/session.strings.ts';
import { shellText } from '../apps/web/src/features/shell/shell.strings.ts';
import { i18n, type Language, type StringBundle, type Strings, type Translate } from '../apps/web/src/shared/i18n.ts';
import { redisPublisher } from '../apps/worker/src/events.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';
import { gridFit, pageOverflow } from './layout.ts';
import type { Spawned } from './processes.ts';
import { endToasts } from './toasts.ts';
import { startWeb } from './web-server.ts';

/** A feature's strings in one language, values filled in and plurals chosen as the console does. */
const textIn = <E extends Strings>(bundle: StringBundle<E>, language: Language) =>
  i18n.getFixedT(language, bundle.namespace) as unknown as Translate<E>;

const PASSWORD = 'test-password';

let api: ApiHarness;
let web: { url: string; server: Spawned };
let browser: Browser;
let organisation: Organisation;

beforeAll(async () => {
  api = await startApi();
  organisation = await newOrganisation(api.server.dataSource);
  [web, browser] = await Promise.all([startWeb(api.baseUrl), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.server.stop();
  await api?.stop();
});

/** A signed-in console in a browser of the given locale, with the console errors it logs. */
async function signedIn(
  locale: string,
  language: Language,
  user: User,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const session = textIn(sessionText, language);
  await page.goto(web.url);
  await page.getByLabel(session('email')).fill(user.primaryEmail);
  await page.getByLabel(session('password')).fill(PASSWORD);
  await page.getByRole('button', { name: session('signIn') }).click();
  await page.getByRole('heading', { name: textIn(mailboxesText, language)('title'), level: 1 }).waitFor();
  return { context, page, errors };
}

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

describe('API keys in the console (en-GB)', () => {
  const t = textIn(apiKeysText, 'en');
  const shell = textIn(shellText, 'en');

  it('creates a key shown once that calls the API as its user, then revokes it and the API refuses it', async () => {
    const user = await newUser(api.server.dataSource, organisation, { password: PASSWORD });
    const { context, page, errors } = await signedIn('en-GB', 'en', user);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
    try {
      await page
        .getByRole('navigation')
        .getByRole('link', { name: shell('nav.apiKeys') })
        .click();
      await page.getByRole('heading', { name: t('title'), level: 1 }).waitFor();
      // Empty, the page says what keys are for and how one is sent.
      await page.getByRole('heading', { name: t('empty.title') }).waitFor();
      await page.getByText('Authorization: Bearer mrk_…').waitFor();
      await expectNoSeriousViolations(page, 'the API keys page (empty)');

      const createButton = page.getByRole('button', { name: t('create') });
      await createButton.click();
      const createDialog = page.getByRole('dialog', { name: t('createDialog.title') });
      const nameBox = createDialog.getByRole('textbox', { name: t('createDialog.name') });
      // The dialog takes focus to its first field.
      await expect.poll(() => isFocused(nameBox)).toBe(true);
      await createDialog.getByRole('button', { name: t('createDialog.submit') }).click();
      await createDialog.getByText(t('createDialog.nameRequired')).waitFor();
      expect(await nameBox.getAttribute('aria-invalid')).toBe('true');
      await expectNoSeriousViolations(page, 'the Create API key dialog');
      await nameBox.fill('Nightly export');
      await createDialog.getByRole('button', { name: t('createDialog.submit') }).click();

      // The secret, this once, focused and selected, with the warning that it will not show again.
      const secretDialog = page.getByRole('alertdialog', { name: t('secret.title') });
      await secretDialog.getByText(t('secret.warning')).waitFor();
      const secretBox = secretDialog.getByRole('textbox', { name: t('secret.label', { name: 'Nightly export' }) });
      const secret = await secretBox.inputValue();
      expect(secret).toMatch(/^mrk_[A-Za-z0-9_-]{43}$/);
      expect(await secretBox.getAttribute('readonly')).not.toBeNull();
      await expect.poll(() => isFocused(secretBox)).toBe(true);
      await secretDialog.getByRole('button', { name: t('secret.copy') }).click();
      await secretDialog.getByText(t('secret.copied')).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await expectNoSeriousViolations(page, 'the new API key dialog');

      // The key works against the API, over plain HTTP, as its user.
      const asKey = api.client.withToken(secret);
      const me = await asKey.request('{ me { primaryEmail } }');
      expect(me.errors).toBeUndefined();
      expect(me.data?.me.primaryEmail).toBe(user.primaryEmail);

      // Closed, the secret is gone from the page for good, even after a reload.
      await secretDialog.getByRole('button', { name: t('secret.done') }).click();
      await secretDialog.waitFor({ state: 'detached' });
      expect(await page.content()).not.toContain(secret);
      await page.reload();
      const row = page.getByRole('row').filter({ hasText: 'Nightly export' });
      await row.waitFor();
      expect(await page.content()).not.toContain(secret);
      expect(await row.textContent()).toContain(secret.slice(0, 12));
      expect(await row.textContent()).toContain(t('status.active'));
      // The API call above is its last use.
      expect(await row.textContent()).not.toContain(t('neverUsed'));
      await page
        .getByRole('status')
        .filter({ hasText: t('count', { count: 1 }) })
        .waitFor();
      await expectNoSeriousViolations(page, 'the API keys page (one key)');
      // The grid fits the page at 1280 px; on a tablet it scrolls in its own box, never the page.
      const grid = page.getByRole('grid', { name: t('title') });
      const fit = await gridFit(grid);
      expect(fit.spilling).toEqual([]);
      expect(fit.sideways).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 768, height: 1024 });
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 800 });

      // Revoke, confirmed in a dialog whose safe choice (Cancel) has focus.
      const revokeButton = row.getByRole('button', { name: t('revokeKey', { name: 'Nightly export' }) });
      await revokeButton.click();
      const revokeDialog = page.getByRole('alertdialog', { name: t('revokeDialog.title', { name: 'Nightly export' }) });
      await revokeDialog.getByText(t('revokeDialog.body')).waitFor();
      await expect.poll(() => isFocused(revokeDialog.getByRole('button', { name: t('cancel') }))).toBe(true);
      await expectNoSeriousViolations(page, 'the revoke dialog');
      await revokeDialog.getByRole('button', { name: t('revokeDialog.confirm') }).click();
      // Confirmed in a toast, which goes by itself (found by its text: a role query would miss it
      // while the closing dialog still hides the rest of the page from assistive technology).
      const toast = page.getByRole('listitem', { name: t('revoked', { name: 'Nightly export' }) });
      await toast.getByText(t('revokedBody')).waitFor();
      await page.getByText(t('revokedBody'), { exact: true }).waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => row.textContent()).not.toContain(t('status.active'));
      expect(await row.getByRole('button').count()).toBe(0);

      const refused = await asKey.request('{ me { primaryEmail } }');
      expect(refused.data?.me).toBeUndefined();
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      // With no opportunities, that page says where they come from and leads here.
      const opportunities = textIn(opportunitiesText, 'en');
      await page
        .getByRole('navigation')
        .getByRole('link', { name: shell('nav.opportunities') })
        .click();
      await page.getByRole('heading', { name: opportunities('empty'), level: 2 }).waitFor();
      await page.getByText(opportunities('emptyBody')).waitFor();
      await expectNoSeriousViolations(page, 'the opportunities page (empty)');
      await page.getByRole('link', { name: opportunities('goToApiKeys') }).click();
      await page.getByRole('heading', { name: t('title'), level: 1 }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('notifications in the console (it-IT)', () => {
  const t = textIn(notificationsText, 'it');
  const shell = textIn(shellText, 'it');

  it('lists them newest first page by page, in Italian, adds a new one live, and marks them all read, loaded or not', async () => {
    const { dataSource } = api.server;
    const user = await newUser(dataSource, organisation, { password: PASSWORD });
    const mailbox = (await newRoleMailboxes(dataSource, organisation)).find((m) => m.ownerUserId === user.id);
    expect(mailbox).toBeDefined();
    // More than a page (25): the oldest is a mailbox's alert, which links to the mailbox.
    const notify = (title: string, data: Record<string, unknown> = {}) =>
      addNotification(dataSource.manager, {
        organisationId: organisation.id,
        userId: user.id,
        kind: 'MAILBOX_ALERT',
        title,
        message: `About ${title}`,
        data,
      });
    await notify('Mailbox alert', { mailboxId: mailbox!.id });
    for (let i = 1; i <= 24; i += 1) await notify(`Notice ${i}`);
    // The newest as the server writes it: its data carries what the Italian wording needs.
    const failing = profileFailingNotification({ profileId: randomUUID(), name: 'Contoso EXO', failing: 3, total: 4 });
    await addNotification(dataSource.manager, { organisationId: organisation.id, userId: user.id, ...failing });

    const { context, page, errors } = await signedIn('it-IT', 'it', user);
    const redis = new Redis(inject('redisUrl'));
    try {
      const bell = (unread: number) =>
        page.getByRole('button', {
          name: unread === 0 ? t('heading') : `${t('heading')} ${t('unread', { count: unread })}`,
          exact: true,
        });
      await bell(26).waitFor();

      await page
        .getByRole('navigation')
        .getByRole('link', { name: shell('nav.notifications') })
        .click();
      await page.getByRole('heading', { name: t('heading'), level: 1 }).waitFor();
      const status = page.getByRole('status').filter({ hasText: t('total', { count: 26, unread: 26 }) });
      await status.waitFor();
      const items = page.getByRole('main').getByRole('listitem');
      await expect.poll(() => items.count()).toBe(25);
      // Newest first, in Italian.
      expect(await items.first().getByRole('heading').textContent()).toContain(
        t('kind.PROFILE_FAILING.title', { name: 'Contoso EXO' }),
      );
      expect(await items.first().textContent()).toContain(
        t('kind.PROFILE_FAILING.body', { name: 'Contoso EXO', failing: 3, total: 4, count: 4 }),
      );
      expect(await items.first().textContent()).not.toContain(failing.title);
      expect(await items.first().textContent()).toContain(t('unreadBadge'));
      await expectNoSeriousViolations(page, 'the notifications page');

      await page.getByRole('button', { name: t('loadMore') }).click();
      await expect.poll(() => items.count()).toBe(26);
      const alertLink = items.last().getByRole('link', { name: 'Mailbox alert' });
      expect(await alertLink.getAttribute('href')).toBe(`/mailboxes/${mailbox!.id}`);

      // A new one arrives live, as a worker announces it.
      const fresh = await notify(`Live ${randomUUID().slice(0, 8)}`);
      await redisPublisher(redis).publish(TOPICS.NOTIFICATION_RECEIVED, user.id, {
        notificationId: fresh.id,
        userId: user.id,
      });
      await expect.poll(() => items.first().getByRole('heading').textContent()).toContain(fresh.title);
      await page
        .getByRole('status')
        .filter({ hasText: t('total', { count: 27, unread: 27 }) })
        .waitFor();
      await bell(27).waitFor();

      // One more that the page has not loaded (no live event announced it): marked read all the same.
      await notify('Not on screen');
      await page
        .getByRole('toolbar', { name: t('actions') })
        .getByRole('button', { name: t('markAllRead') })
        .click();
      await page.getByText(t('allMarkedRead'), { exact: true }).first().waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: t('total', { count: 28, unread: 0 }) })
        .waitFor();
      // The bell hears it too.
      await bell(0).waitFor();
      await expect.poll(() => page.getByRole('main').getByText(t('unreadBadge'), { exact: true }).count()).toBe(0);
      const client = await api.client.signIn(user.primaryEmail, PASSWORD);
      expect(
        (await client.request('{ notifications(first: 1) { unreadCount } }')).data?.notifications.unreadCount,
      ).toBe(0);
      await endToasts(page);
      await expectNoSeriousViolations(page, 'the notifications page (all read)');

      // The bell leads here too.
      await page
        .getByRole('navigation')
        .getByRole('link', { name: shell('nav.mailboxes') })
        .click();
      await bell(0).click();
      await page.getByRole('link', { name: t('seeAll') }).click();
      await page.waitForURL((url) => url.pathname === '/notifications');
      await page.getByRole('heading', { name: t('heading'), level: 1 }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      redis.disconnect();
      await context.close();
    }
  });
});
