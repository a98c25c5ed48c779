import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { MailboxSyncRun, SYNC_HISTORY_LIMIT } from '../entities/mailbox-sync-run.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import type { EventPublisher } from '../events.ts';
import { ExchangeError, type ExchangeGateway, type MailDeltaPage } from '../exchange-gateway.ts';
import { newOrganisation, newRoleMailboxes, newUser } from '../testing/factories.ts';
import { inboxMessage, scriptedExchange } from '../testing/scripted-exchange.ts';
import { MailboxSyncRunner, type SyncSignals } from './mailbox-sync.runner.ts';
import { SecretCipher } from './secret-cipher.ts';

/*
 * The sync history against real PostgreSQL, with Exchange scripted (as in sync-runners.int.test.ts):
 * failures and 410s on demand. The browser test e2e/mailbox-sync-history.browser.e2e.test.ts shows
 * the history of a real sync through the emulator.
 */

let ds: DataSource;
const cipher = new SecretCipher(randomBytes(32));
const events: EventPublisher = { publish: async () => undefined };

beforeAll(async () => {
  ds = createDataSource({ url: inject('databaseUrl') });
  await ds.initialize();
});
afterAll(() => ds.destroy());

async function syncableMailboxes() {
  const organisation = await newOrganisation(ds);
  await ds
    .getRepository(Organisation)
    .update(
      { id: organisation.id },
      { tenantId: randomUUID(), appClientId: randomUUID(), appClientSecretEncrypted: cipher.encrypt('secret') },
    );
  await newUser(ds, organisation);
  await newUser(ds, organisation);
  const mailboxes = (await newRoleMailboxes(ds, organisation)).filter((m) => m.ownerUserId !== null);
  for (const mailbox of mailboxes) {
    await ds.getRepository(Mailbox).update(
      { id: mailbox.id },
      {
        incomingMethod: 'SERVER_SIDE_SYNC',
        enabledForIncoming: true,
        approvalStatus: 'APPROVED',
        processingState: 'ACTIVE',
        incomingFilter: 'ALL_EMAIL',
      },
    );
  }
  return { organisation, mailboxes };
}

const signals: SyncSignals = { takeWakeup: async () => false, wake: async () => undefined };
const done = (folder: string): MailDeltaPage => ({
  messages: [],
  removedIds: [],
  cursor: `delta-${folder}`,
  complete: true,
});
const runs = (mailboxId: string) =>
  ds.getRepository(MailboxSyncRun).find({ where: { mailboxId }, order: { startedAt: 'DESC', id: 'DESC' } });
const sync = (mailboxId: string, gateway: ExchangeGateway) =>
  new MailboxSyncRunner(ds, cipher, () => gateway, events, signals).run(mailboxId);

describe('mailbox sync history', () => {
  it('records a first sync with its messages, nothing for an empty poll, and copies attached from another mailbox', async () => {
    const { organisation, mailboxes } = await syncableMailboxes();
    const [first, second] = mailboxes as [Mailbox, Mailbox];
    const messages = [inboxMessage(), inboxMessage(), inboxMessage()];
    // The first read of the Inbox holds three messages; a read from its cursor holds nothing new.
    const gateway = scriptedExchange(async function* (folder, cursor) {
      if (folder === 'inbox' && cursor === undefined) {
        yield { messages, removedIds: [], cursor: 'delta-inbox', complete: true };
      } else yield done(folder);
    });

    const before = Date.now();
    expect(await sync(first.id, gateway)).toBe('SYNCED');
    const recorded = await runs(first.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      organisationId: organisation.id,
      outcome: 'SUCCESS',
      messagesStored: 3,
      copiesAttached: 0,
      foldersRead: 2,
      foldersResynced: 0,
      failureKind: null,
      failureMessage: null,
      failureCode: null,
      failureParams: null,
    });
    expect(recorded[0]!.startedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(recorded[0]!.finishedAt.getTime()).toBeGreaterThanOrEqual(recorded[0]!.startedAt.getTime());

    expect(await sync(first.id, gateway)).toBe('SYNCED');
    expect(await runs(first.id)).toHaveLength(1);

    // The same three messages in a colleague's Inbox: the emails exist, so they are attached, not stored.
    expect(await sync(second.id, gateway)).toBe('SYNCED');
    expect(await runs(second.id)).toMatchObject([{ outcome: 'SUCCESS', messagesStored: 0, copiesAttached: 3 }]);
  });

  it('records a failure with its kind, what a person can do about it, and the code and params to word it', async () => {
    const { mailboxes } = await syncableMailboxes();
    const [mailbox] = mailboxes as [Mailbox];
    const throttled = scriptedExchange(async function* () {
      yield* [];
      throw new ExchangeError({ kind: 'THROTTLED', retryAfterMs: 30_000 });
    });
    expect(await sync(mailbox.id, throttled)).toBe('FAILED');
    expect(await runs(mailbox.id)).toMatchObject([
      {
        outcome: 'FAILED',
        failureKind: 'THROTTLED',
        failureMessage:
          'Exchange Online throttled the sync (too many requests). Mailroom tries again in 30 s; nothing needs changing unless this repeats.',
        failureCode: 'RETRY_THROTTLED',
        failureParams: { seconds: 30 },
        messagesStored: 0,
      },
    ]);

    await ds.getRepository(Mailbox).update({ id: mailbox.id }, { backoffUntil: null });
    const denied = scriptedExchange(async function* () {
      yield* [];
      throw new ExchangeError({ kind: 'ACCESS_POLICY_DENIED' });
    });
    expect(await sync(mailbox.id, denied)).toBe('FAILED');
    const [latest] = await runs(mailbox.id);
    // The failure disabled the mailbox: the run says what its alert says, with the alert's code and params.
    expect(latest).toMatchObject({
      outcome: 'FAILED',
      failureKind: 'ACCESS_POLICY_DENIED',
      failureCode: 'ACCESS_POLICY_DENIED',
      failureParams: { address: mailbox.emailAddress },
    });
    expect(latest!.failureMessage).toContain('application access policy denies the app access');
  });

  it('records a folder read again after Exchange expired its cursor, even with nothing new', async () => {
    const { mailboxes } = await syncableMailboxes();
    const [mailbox] = mailboxes as [Mailbox];
    // Synced before and finished: this run reads each folder once from its cursor (no resumed round).
    await ds
      .getRepository(Mailbox)
      .update(
        { id: mailbox.id },
        { deltaCursors: { inbox: 'old', sentitems: 'old' }, lastSyncSuccessAt: new Date(), lastSyncAttemptAt: null },
      );
    const gateway = scriptedExchange(async function* (folder, cursor) {
      if (folder === 'inbox' && cursor === 'old') throw new ExchangeError({ kind: 'CURSOR_EXPIRED' });
      yield done(folder);
    });
    expect(await sync(mailbox.id, gateway)).toBe('SYNCED');
    expect(await runs(mailbox.id)).toMatchObject([
      { outcome: 'SUCCESS', foldersResynced: 1, foldersRead: 2, messagesStored: 0 },
    ]);
  });

  it(`keeps the last ${SYNC_HISTORY_LIMIT} runs of a mailbox, and only prunes that mailbox`, async () => {
    const { organisation, mailboxes } = await syncableMailboxes();
    const [mailbox, other] = mailboxes as [Mailbox, Mailbox];
    const old = (mailboxId: string) =>
      ds.query(
        `INSERT INTO mailbox_sync_run ("organisationId", "mailboxId", "startedAt", "finishedAt", outcome, "messagesStored")
         SELECT $1, $2, now() - make_interval(hours => n), now() - make_interval(hours => n), 'SUCCESS', n
           FROM generate_series(1, $3) AS n`,
        [organisation.id, mailboxId, SYNC_HISTORY_LIMIT],
      );
    await old(mailbox.id);
    await old(other.id);
    const gateway = scriptedExchange(async function* (folder) {
      if (folder === 'inbox')
        yield { messages: [inboxMessage()], removedIds: [], cursor: 'delta-inbox', complete: true };
      else yield done(folder);
    });
    expect(await sync(mailbox.id, gateway)).toBe('SYNCED');

    const kept = await runs(mailbox.id);
    expect(kept).toHaveLength(SYNC_HISTORY_LIMIT);
    expect(kept[0]).toMatchObject({ messagesStored: 1, foldersRead: 2 });
    // The oldest (SYNC_HISTORY_LIMIT hours ago) went; the one an hour younger stayed.
    expect(kept.at(-1)!.messagesStored).toBe(SYNC_HISTORY_LIMIT - 1);
    expect(await runs(other.id)).toHaveLength(SYNC_HISTORY_LIMIT);
  });
});
