import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.ts';
import { FolderTrackingRule } from '../entities/email.entities.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import type { EventPublisher } from '../events.ts';
import { ExchangeError, type ExchangeGateway, type MailDeltaPage } from '../exchange-gateway.ts';
import { newOrganisation, newRoleMailboxes, newUser } from '../testing/factories.ts';
import { inboxMessage, scriptedExchange } from '../testing/scripted-exchange.ts';
import { DeferJob, EmailSendRunner, SENT_ITEMS_GRACE_MS } from './email-send.runner.ts';
import { MailboxSyncRunner, type SyncRunRecord, type SyncSignals } from './mailbox-sync.runner.ts';
import { SecretCipher } from './secret-cipher.ts';

/*
 * The runners against real PostgreSQL, with Exchange scripted: these are the timings the emulator
 * cannot be made to produce on demand (a 410 on the third page of a first read, a send Exchange
 * accepted whose answer was lost, Sent Items filed late). The whole path through Graph is covered
 * against the emulator in e2e/email-sync*.e2e.test.ts.
 */

let ds: DataSource;
const cipher = new SecretCipher(randomBytes(32));
const events: EventPublisher = { publish: async () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  ds = createDataSource({ url: inject('databaseUrl') });
  await ds.initialize();
});
afterAll(() => ds.destroy());

async function syncableMailbox() {
  const organisation = await newOrganisation(ds);
  await ds
    .getRepository(Organisation)
    .update(
      { id: organisation.id },
      { tenantId: randomUUID(), appClientId: randomUUID(), appClientSecretEncrypted: cipher.encrypt('secret') },
    );
  const user = await newUser(ds, organisation);
  const mailbox = (await newRoleMailboxes(ds, organisation)).find((m) => m.ownerUserId === user.id)!;
  await ds.getRepository(Mailbox).update(
    { id: mailbox.id },
    {
      incomingMethod: 'SERVER_SIDE_SYNC',
      outgoingMethod: 'SERVER_SIDE_SYNC',
      enabledForIncoming: true,
      enabledForOutgoing: true,
      approvalStatus: 'APPROVED',
      processingState: 'ACTIVE',
      incomingFilter: 'ALL_EMAIL',
    },
  );
  return { organisation, user, mailbox };
}

const stateOf = async (id: string) =>
  (
    await ds.query(
      `SELECT "processingState", "consecutiveFailures", "syncStage", "deltaCursors" FROM mailbox WHERE id = $1`,
      [id],
    )
  )[0] as { processingState: string; consecutiveFailures: number; syncStage: string | null; deltaCursors: object };

const emailsOf = async (organisationId: string) =>
  (await ds.query(`SELECT count(*)::int AS n FROM email WHERE "organisationId" = $1`, [organisationId]))[0].n as number;

function signals(): SyncSignals & { dirty: boolean; woken: number } {
  const s = {
    dirty: false,
    woken: 0,
    takeWakeup: async () => {
      const was = s.dirty;
      s.dirty = false;
      return was;
    },
    wake: async () => {
      s.woken += 1;
    },
  };
  return s;
}

const done = (folder: string): MailDeltaPage => ({
  messages: [],
  removedIds: [],
  cursor: `delta-${folder}`,
  complete: true,
});

describe('mailbox sync runner', () => {
  it('reads a folder again when Exchange forgets the cursor on a later page of a first read, and disables nothing', async () => {
    const { organisation, mailbox } = await syncableMailbox();
    const messages = [inboxMessage(), inboxMessage(), inboxMessage()];
    let reads = 0;
    const gateway = scriptedExchange(async function* (folder) {
      if (folder !== 'inbox') return yield done(folder);
      reads += 1;
      yield { messages: [messages[0]!], removedIds: [], cursor: 'page-2', complete: false };
      if (reads === 1) throw new ExchangeError({ kind: 'CURSOR_EXPIRED' });
      yield { messages: messages.slice(1), removedIds: [], cursor: 'delta-inbox', complete: true };
    });
    const result = await new MailboxSyncRunner(ds, cipher, () => gateway, events, signals()).run(mailbox.id);
    expect(result).toBe('SYNCED');
    expect(reads).toBe(2);
    expect(await emailsOf(organisation.id)).toBe(3);
    expect(await stateOf(mailbox.id)).toMatchObject({ processingState: 'ACTIVE', consecutiveFailures: 0 });
  });

  it('drops the rule of a folder deleted in Exchange and keeps syncing the rest', async () => {
    const { organisation, user, mailbox } = await syncableMailbox();
    await ds.getRepository(Mailbox).update({ id: mailbox.id }, { folderTrackingEnabled: true });
    await ds.getRepository(FolderTrackingRule).insert({
      organisationId: organisation.id,
      mailboxId: mailbox.id,
      userId: user.id,
      folderId: 'gone',
      folderPath: 'Inbox/Gone',
    });
    const gateway = scriptedExchange(async function* (folder) {
      if (folder === 'gone') throw new ExchangeError({ kind: 'NOT_FOUND' });
      yield done(folder);
    });
    const warnings: string[] = [];
    const runner = new MailboxSyncRunner(ds, cipher, () => gateway, events, signals(), {
      onWarning: (w) => warnings.push(w),
    });
    expect(await runner.run(mailbox.id)).toBe('SYNCED');
    expect((await stateOf(mailbox.id)).processingState).toBe('ACTIVE');
    expect(await ds.getRepository(FolderTrackingRule).countBy({ mailboxId: mailbox.id })).toBe(0);
    expect(warnings.join()).toContain('tracking rule was removed');
  });

  it('leaves a wake-up that arrives during its last round for a new run', async () => {
    const { mailbox } = await syncableMailbox();
    const s = signals();
    // A notification arrives during every round.
    const gateway = scriptedExchange(async function* (folder) {
      if (folder === 'inbox') s.dirty = true;
      yield done(folder);
    });
    await new MailboxSyncRunner(ds, cipher, () => gateway, events, s).run(mailbox.id);
    expect(s.woken).toBe(1);
  });

  it('a run that outlived its lease neither writes cursors nor releases the next run’s lease', async () => {
    const { mailbox } = await syncableMailbox();
    let slow = true;
    const gateway = scriptedExchange(async function* (folder) {
      if (folder === 'inbox' && slow) {
        slow = false;
        await sleep(1500);
        yield { messages: [inboxMessage()], removedIds: [], cursor: 'stale-cursor', complete: true };
        return;
      }
      if (folder === 'inbox') await sleep(1500);
      yield done(folder);
    });
    const records: { first: SyncRunRecord[]; second: SyncRunRecord[] } = { first: [], second: [] };
    const options = (run: keyof typeof records) => ({
      leaseMs: 1000,
      onRun: (record: SyncRunRecord) => records[run].push(record),
    });
    const first = new MailboxSyncRunner(ds, cipher, () => gateway, events, signals(), options('first')).run(mailbox.id);
    await sleep(1200);
    // The first run's lease has expired: a second run takes the mailbox.
    const second = new MailboxSyncRunner(ds, cipher, () => gateway, events, signals(), options('second')).run(
      mailbox.id,
    );
    expect(await first).toBe('BUSY');
    const during = await stateOf(mailbox.id);
    expect(during.syncStage).not.toBeNull();
    expect(during.deltaCursors).not.toHaveProperty('inbox', 'stale-cursor');
    expect(await second).toBe('SYNCED');
    expect((await stateOf(mailbox.id)).syncStage).toBeNull();

    // Each run recorded its tenure. The first never wrote under its lease, so it held the mailbox
    // only at its start, which comes before the second run took it: the two never overlap.
    const [firstStart, firstEnd] = records.first;
    const [secondStart, secondEnd] = records.second;
    expect(records.first.map((r) => r.event)).toEqual(['started', 'lost-lease']);
    expect(records.second.map((r) => r.event)).toEqual(['started', 'finished']);
    expect(new Set([...records.first, ...records.second].map((r) => r.mailboxId))).toEqual(new Set([mailbox.id]));
    expect(firstStart!.runId).toBe(firstEnd!.runId);
    expect(secondStart!.runId).not.toBe(firstStart!.runId);
    expect(firstEnd).toMatchObject({ at: firstStart!.at, result: 'BUSY' });
    expect(secondStart!.at).toBeGreaterThan(firstEnd!.at);
    expect(secondEnd).toMatchObject({ result: 'SYNCED' });
    expect(secondEnd!.at).toBeGreaterThanOrEqual(secondStart!.at);
  });
  it('goes round once more after a run that died mid-round, so mail that came meanwhile waits for no poll', async () => {
    const { organisation, mailbox } = await syncableMailbox();
    // The crashed run stored a page link of its round and never finished.
    await ds.query(
      `UPDATE mailbox SET "deltaCursors" = '{"inbox": "page-2"}', "lastSyncAttemptAt" = now() - interval '1 minute'
        WHERE id = $1`,
      [mailbox.id],
    );
    const before = inboxMessage();
    const meanwhile = inboxMessage();
    const reads: string[] = [];
    // A page link goes on with its round's snapshot; the round's delta link then gives what came since.
    const gateway = scriptedExchange(async function* (folder, cursor) {
      if (folder !== 'inbox') return yield done(folder);
      reads.push(cursor ?? 'none');
      if (cursor === 'page-2') yield { messages: [before], removedIds: [], cursor: 'delta-1', complete: true };
      else if (cursor === 'delta-1') yield { messages: [meanwhile], removedIds: [], cursor: 'delta-2', complete: true };
      else yield done(folder);
    });
    const s = signals();
    s.dirty = true; // the change notification of `meanwhile`, taken as the run starts
    expect(await new MailboxSyncRunner(ds, cipher, () => gateway, events, s).run(mailbox.id)).toBe('SYNCED');
    expect(reads).toEqual(['page-2', 'delta-1']);
    expect(await emailsOf(organisation.id)).toBe(2);
    expect(s.woken).toBe(0);

    // After a run that finished, one round: polling pays for no second one.
    reads.length = 0;
    s.dirty = true;
    expect(await new MailboxSyncRunner(ds, cipher, () => gateway, events, s).run(mailbox.id)).toBe('SYNCED');
    expect(reads).toEqual(['delta-2']);
  });
});

describe('email send runner', () => {
  async function pendingEmail(organisationId: string, userId: string, mailboxId: string) {
    const [{ id }] = await ds.query(
      `INSERT INTO email ("organisationId", direction, status, subject, body, "trackedBy", "ownerUserId",
                          "sendingMailboxId", "occurredAt", "internetMessageId", parties)
       VALUES ($1, 'OUTGOING', 'PENDING_SEND', 'Offer', '<p>offer</p>', 'CRM', $2, $3, now(), $4, $5) RETURNING id`,
      [
        organisationId,
        userId,
        mailboxId,
        `<${randomUUID()}@contoso.example>`,
        JSON.stringify([
          { role: 'TO', address: 'fiona@fabrikam.example', name: null, resolvedType: null, resolvedId: null },
        ]),
      ],
    );
    return id as string;
  }
  const statusOf = async (id: string) =>
    (
      await ds.query(`SELECT status, "failureReason", "failureCode", "failureParams" FROM email WHERE id = $1`, [id])
    )[0] as {
      status: string;
      failureReason: string | null;
      failureCode: string | null;
      failureParams: Record<string, unknown> | null;
    };

  it('never sends again while the Sent Items copy of an unanswered attempt may still be filed', async () => {
    const { organisation, user, mailbox } = await syncableMailbox();
    const id = await pendingEmail(organisation.id, user.id, mailbox.id);
    let sends = 0;
    let filed = false;
    const gateway = {
      async sendMail() {
        sends += 1;
        // Exchange took the mail, but the answer was lost.
        throw new ExchangeError({ kind: 'TRANSIENT' });
      },
      async findSentByMailroomId() {
        return filed ? { id: 'sent', internetMessageId: null, conversationId: 'c', sentAt: new Date() } : null;
      },
    } as unknown as ExchangeGateway;
    const runner = new EmailSendRunner(ds, cipher, () => gateway, events, { acquire: async () => 0 });
    await expect(runner.run(id, false)).rejects.toBeInstanceOf(ExchangeError);
    // The retry finds no copy yet: it waits instead of sending again.
    const retry = runner.run(id, false);
    await expect(retry).rejects.toBeInstanceOf(DeferJob);
    expect(((await retry.catch((e: DeferJob) => e)) as DeferJob).delayMs).toBeLessThanOrEqual(SENT_ITEMS_GRACE_MS);
    filed = true;
    await runner.run(id, false);
    expect(sends).toBe(1);
    expect((await statusOf(id)).status).toBe('SENT');
  });

  it('fails only the email Exchange refuses, not the mailbox', async () => {
    const { organisation, user, mailbox } = await syncableMailbox();
    const id = await pendingEmail(organisation.id, user.id, mailbox.id);
    const gateway = {
      async sendMail() {
        throw new ExchangeError({ kind: 'INVALID_REQUEST' });
      },
      async findSentByMailroomId() {
        return null;
      },
    } as unknown as ExchangeGateway;
    await new EmailSendRunner(ds, cipher, () => gateway, events, { acquire: async () => 0 }).run(id, false);
    expect(await statusOf(id)).toMatchObject({
      status: 'FAILED',
      failureReason: expect.stringContaining('recipients'),
      failureCode: 'EMAIL_REFUSED',
      failureParams: {},
    });
    expect((await stateOf(mailbox.id)).processingState).toBe('ACTIVE');
  });

  it('keeps the mailbox and how Exchange refused it beside the reason, for the console to word', async () => {
    const { organisation, user, mailbox } = await syncableMailbox();
    const id = await pendingEmail(organisation.id, user.id, mailbox.id);
    const gateway = {
      async sendMail() {
        throw new ExchangeError({ kind: 'ACCESS_POLICY_DENIED' });
      },
      async findSentByMailroomId() {
        return null;
      },
    } as unknown as ExchangeGateway;
    await new EmailSendRunner(ds, cipher, () => gateway, events, { acquire: async () => 0 }).run(id, false);
    expect(await statusOf(id)).toEqual({
      status: 'FAILED',
      failureReason: `Exchange Online refused to send from ${mailbox.emailAddress} (access policy denied); the mailbox's alerts say what to fix.`,
      failureCode: 'MAILBOX_REFUSED',
      failureParams: { address: mailbox.emailAddress, kind: 'ACCESS_POLICY_DENIED' },
    });
  });

  it('waits out throttling without spending an attempt and sends afterwards', async () => {
    const { organisation, user, mailbox } = await syncableMailbox();
    const id = await pendingEmail(organisation.id, user.id, mailbox.id);
    let calls = 0;
    const gateway = {
      async sendMail() {
        calls += 1;
        if (calls === 1) throw new ExchangeError({ kind: 'THROTTLED', retryAfterMs: 7000 });
      },
      async findSentByMailroomId() {
        return calls > 1 ? { id: 'sent', internetMessageId: null, conversationId: 'c', sentAt: new Date() } : null;
      },
    } as unknown as ExchangeGateway;
    const runner = new EmailSendRunner(ds, cipher, () => gateway, events, { acquire: async () => 0 });
    const deferred = (await runner.run(id, false).catch((e: unknown) => e)) as DeferJob;
    expect(deferred).toBeInstanceOf(DeferJob);
    expect(deferred.delayMs).toBe(7000);
    // Exchange refused it, so it is Pending send again and goes out at once on the next run.
    expect((await statusOf(id)).status).toBe('PENDING_SEND');
    await runner.run(id, false);
    expect(calls).toBe(2);
    expect((await statusOf(id)).status).toBe('SENT');
  });
});
