// Scale-out on one machine: two API processes and three worker processes over one database, one
// Redis and one Exchange. A salesperson watching a timeline on API #1 sees an email sent through
// API #2 go out and its reply come in, whichever workers did the work; 24 mailboxes make their first
// sync across the three workers while one of them is SIGKILLed mid-sync, and afterwards PostgreSQL
// holds exactly what Exchange holds; and every sync run's tenure of its mailbox, as the workers
// logged it, shows no mailbox ever held by two runs at once.
//
// Everything is private to this file — a database on the run's PostgreSQL server, a redis-server,
// the emulator — because every worker sweeps every mailbox of its database and takes every job of
// its Redis: on the shared ones other files' workers would sync these mailboxes unrecorded (and
// these workers theirs).
import { randomBytes } from 'node:crypto';
import { startEmulator, type RunningEmulator } from '@mailroom/exchange-emulator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestClient, type GraphQLResponse } from '../apps/api/src/testing/graphql-client.ts';
import { scaleUpn } from '../bench/bench-seed.ts';
import { compare, groundTruth, stored, type GroundTruth } from '../chaos/chaos-run.ts';
import {
  emulatorHandle,
  isAlive,
  startApiProcess,
  startWorkerProcess,
  type EmulatorHandle,
  type StackProcess,
  type StackSettings,
} from '../chaos/chaos-stack.ts';
import { SALES_PASSWORD, seedSalesOrganisation, type Seeded } from '../chaos/sales-organisation.ts';
import { freePort } from '../tooling/free-port.ts';
import { startRedisServer, type RunningRedis } from '../tooling/redis-server.ts';
import { eventually } from './email-fixture.ts';
import { describeOverlap, overlappingRuns, syncRunRecords, syncRuns, type SyncRun } from './sync-runs.ts';

const MAILBOXES = 24;
/** Per mailbox; Inbox and Sent Items, the folders synced, hold ~94 % of them. */
const MESSAGES_PER_MAILBOX = 300;
const WORKERS = 3;
/**
 * 3 × 8 slots for 24 mailboxes: no worker can take more than a third of the first syncs, so all three
 * share them; small pages make each run many pages long, so a kill lands mid-sync.
 */
const WORKER_ENV = {
  LOG_LEVEL: 'debug', // the sync run records
  WORKER_CONCURRENCY: '8',
  DATABASE_POOL_SIZE: '8',
  SYNC_PAGE_SIZE: '25',
  SYNC_SWEEP_SECONDS: '1',
  // The killed worker's mailboxes come back after this long without a committed page.
  SYNC_LEASE_SECONDS: '5',
};
const LEASE_MS = Number(WORKER_ENV.SYNC_LEASE_SECONDS) * 1000;
const UPNS = Array.from({ length: MAILBOXES }, (_, i) => scaleUpn(i, MAILBOXES));
const SALESPERSON = UPNS[0]!;
const BUYER = 'fiona@fabrikam.example';

let emulator: RunningEmulator;
let exchange: EmulatorHandle;
let redis: RunningRedis;
let databaseName: string;
let stack: StackSettings;
let db: pg.Pool;
let seeded: Seeded;
let truth: GroundTruth;
let api1: { process: StackProcess; url: string };
let api2: { process: StackProcess; url: string };
const workers: StackProcess[] = [];
/** Runs of the killed worker that it could not log the end of: when each surely stopped holding its mailbox. */
const endedByKill = new Map<string, number>();

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const runsOf = (worker: StackProcess) => syncRuns(syncRunRecords(worker.process.output()));

/** Exchange's synced folders against PostgreSQL, as the chaos run compares them. */
async function comparison() {
  return compare(await groundTruth(exchange, UPNS), await stored(stack.databaseUrl, seeded.organisationId), seeded, 0)
    .messages;
}

async function copiesPerMailbox(mailboxIds: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ mailboxId: string; n: number }>(
    `SELECT "mailboxId", count(*)::int AS n FROM email_copy WHERE "mailboxId" = ANY($1::uuid[]) AND NOT removed GROUP BY 1`,
    [mailboxIds],
  );
  return new Map(rows.map((row) => [row.mailboxId, row.n]));
}

beforeAll(async () => {
  databaseName = `mailroom_scale_${randomBytes(4).toString('hex')}`;
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${databaseName}`;
  [emulator, redis] = await Promise.all([
    startEmulator({ port: 0, dataDir: inject('emulatorDataDir'), scenario: 'empty' }),
    freePort().then((port) => startRedisServer({ port })),
    adminQuery(`CREATE DATABASE "${databaseName}"`),
  ]);
  exchange = emulatorHandle(emulator.url);
  stack = { databaseUrl: url.href, redisUrl: redis.url, secretKey: inject('secretKey') };
  await exchange.control('POST', 'reset', {
    scenario: 'scale',
    mailboxes: MAILBOXES,
    messagesPerMailbox: MESSAGES_PER_MAILBOX,
    seed: 9,
  });
  truth = await groundTruth(exchange, UPNS);
  // Polled every 5 minutes: after the first sync, only Exchange's notifications and crashed syncs
  // (the sweep resumes those at once) start runs, so the runs recorded are the ones under test.
  seeded = await seedSalesOrganisation(stack.databaseUrl, emulator.url, stack.secretKey, {
    mailboxes: MAILBOXES,
    pollIntervalSeconds: 300,
  });
  db = new pg.Pool({ connectionString: stack.databaseUrl, max: 3 });
  // Not yet due: the first syncs start when every worker is up, so that all three share them.
  await db.query(`UPDATE mailbox SET "lastSyncAttemptAt" = now() WHERE "organisationId" = $1`, [seeded.organisationId]);
  [api1, api2] = await Promise.all([startApiProcess(stack), startApiProcess(stack)]);
  workers.push(
    ...(await Promise.all(
      Array.from({ length: WORKERS }, () =>
        // Exchange's change notifications reach API #2; the salesperson watches on API #1.
        startWorkerProcess(stack, { ...WORKER_ENV, PUBLIC_API_URL: api2.url }),
      ),
    )),
  );
}, 90_000);

afterAll(async () => {
  const running = [...workers, api1?.process, api2?.process].filter((p): p is StackProcess => !!p && isAlive(p));
  // Graceful first (the API drains), then whatever has not exited is killed.
  await Promise.all(
    running.map((p) =>
      Promise.race([p.process.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]).then(() => {
        if (isAlive(p)) p.process.child.kill('SIGKILL');
        return p.process.exited;
      }),
    ),
  );
  await db?.end();
  await emulator?.stop();
  await redis?.stop();
  if (databaseName) await adminQuery(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
}, 30_000);

describe('two API processes and three worker processes', () => {
  it('sync 24 mailboxes across three workers, one SIGKILLed mid-sync, and hold exactly what Exchange holds', async () => {
    const expectedCopies = new Map(UPNS.map((upn) => [seeded.mailboxIds.get(upn)!, truth.copies.get(upn)!.size]));
    await db.query(`UPDATE mailbox SET "lastSyncAttemptAt" = NULL WHERE "organisationId" = $1`, [
      seeded.organisationId,
    ]);

    // The victim: a worker whose log shows a run started and not finished on a mailbox already
    // partly in PostgreSQL, once every worker has started syncing.
    const { index } = await eventually(
      async () => {
        const runs = workers.map(runsOf);
        if (runs.some((r) => r.length === 0)) return { index: -1, started: runs.map((r) => r.length) };
        const open = runs.map((r) => r.filter((run) => run.endedAt === null));
        const copies = await copiesPerMailbox(open.flat().map((run) => run.mailboxId));
        const partial = (run: SyncRun) => {
          const n = copies.get(run.mailboxId) ?? 0;
          return n > 0 && n < expectedCopies.get(run.mailboxId)!;
        };
        return { index: open.findIndex((list) => list.some(partial)), started: runs.map((r) => r.length) };
      },
      (found) => found.index >= 0,
      'a worker in the middle of a sync',
      30_000,
    );
    const victim = workers[index]!;
    const closed = new Promise((resolve) => victim.process.child.once('close', resolve));
    const killedAt = Date.now();
    victim.process.child.kill('SIGKILL');
    await closed; // its last log lines read too
    expect(victim.process.child.signalCode).toBe('SIGKILL');

    // Which runs it died holding: the mailbox's lease is still the run's (no other run can take it
    // before SYNC_LEASE_SECONDS). Those ended at the kill; any other run it left open had already
    // let go of its mailbox (its last line was lost), so it surely held it only at its start.
    const stillOpen = runsOf(victim).filter((run) => run.endedAt === null);
    const { rows: stages } = await db.query<{ id: string; syncStage: string | null; renewedAt: number }>(
      `SELECT id, "syncStage", extract(epoch FROM "syncStageStartedAt")::float8 * 1000 AS "renewedAt"
         FROM mailbox WHERE id = ANY($1::uuid[])`,
      [stillOpen.map((run) => run.mailboxId)],
    );
    /** When each run the worker died holding last renewed its lease (its last committed page). */
    const renewedAt = new Map<string, number>();
    for (const row of stages) {
      const run = stillOpen.find((r) => r.mailboxId === row.id && r.runId === row.syncStage);
      if (run) renewedAt.set(run.runId, Math.floor(row.renewedAt));
    }
    const held = stillOpen.filter((run) => renewedAt.has(run.runId));
    for (const run of stillOpen) endedByKill.set(run.runId, held.includes(run) ? killedAt : run.startedAt);
    expect(held.length).toBeGreaterThan(0);
    // Mid-sync: it died with a mailbox partly synced (each page is committed whole with its cursor).
    const atKill = await copiesPerMailbox(held.map((run) => run.mailboxId));
    expect(
      held.some((run) => {
        const n = atKill.get(run.mailboxId) ?? 0;
        return n > 0 && n < expectedCopies.get(run.mailboxId)!;
      }),
    ).toBe(true);

    // Mail keeps arriving meanwhile, in every mailbox: Exchange notifies API #2, which wakes each
    // mailbox again while its sync runs (or, for the dead worker's, while its lease holds), so
    // workers are asked to sync mailboxes that another run holds — and must leave them alone.
    for (const [k, upn] of UPNS.entries()) {
      await exchange.control('POST', `mailboxes/${encodeURIComponent(upn)}/deliver`, {
        from: { name: 'Fiona Fabrikam', address: BUYER },
        to: [upn],
        subject: `While a worker was down #${k + 1}`,
        body: '<p>Delivered after the SIGKILL.</p>',
      });
    }

    // The other two resume its mailboxes once their leases expire, and finish every first sync.
    const copiesExpected = [...expectedCopies.values()].reduce((a, b) => a + b, 0) + MAILBOXES;
    await eventually(
      async () =>
        (
          await db.query<{ unsynced: number; leased: number; copies: number }>(
            `SELECT count(*) FILTER (WHERE "lastSyncSuccessAt" IS NULL)::int AS unsynced,
                    count(*) FILTER (WHERE "syncStage" IS NOT NULL)::int AS leased,
                    (SELECT count(*)::int FROM email_copy WHERE "organisationId" = $1 AND NOT removed) AS copies
               FROM mailbox WHERE "organisationId" = $1`,
            [seeded.organisationId],
          )
        ).rows[0]!,
      (s) => s.unsynced === 0 && s.leased === 0 && s.copies >= copiesExpected,
      'every first sync',
      60_000,
    );
    const settled = await comparison();
    expect(settled).toEqual({
      expected: truth.messageIds.size + MAILBOXES,
      found: truth.messageIds.size + MAILBOXES,
      duplicated: 0,
      missing: 0,
      copiesExpected,
      copiesMissing: 0,
      copiesWrong: 0,
      copiesUnexpected: 0,
    });
    expect(settled.expected).toBeGreaterThan(MAILBOXES * MESSAGES_PER_MAILBOX * 0.8);

    // Each mailbox the dead worker held was left alone until its lease expired, then finished by
    // a surviving worker.
    const survivors = workers.filter((w) => w !== victim);
    const survivorRuns = survivors.flatMap(runsOf);
    for (const run of held) {
      const after = survivorRuns.filter((t) => t.mailboxId === run.mailboxId && t.startedAt > run.startedAt);
      expect(after.some((t) => t.ending === 'finished' && t.result === 'SYNCED')).toBe(true);
      for (const t of after) expect(t.startedAt).toBeGreaterThanOrEqual(renewedAt.get(run.runId)! + LEASE_MS);
    }
    // The survivors logged no error.
    for (const worker of survivors) expect(worker.process.output()).not.toMatch(/"level":(50|60)/);
  }, 120_000);

  it('show a salesperson on API #1 the email they sent through API #2, Sent and then answered', async () => {
    const opportunityId = seeded.opportunityIds.get(SALESPERSON)!;
    const [onApi1, onApi2] = await Promise.all([
      new TestClient(api1.url).signIn(SALESPERSON, SALES_PASSWORD),
      new TestClient(api2.url).signIn(SALESPERSON, SALES_PASSWORD),
    ]);
    type Event = { timelineChanged: { change: string; activityId: string; activity: any } };
    const email = (events: GraphQLResponse<Event>[], test: (activity: any) => boolean) =>
      events.findIndex((e) => e.data?.timelineChanged.activity && test(e.data.timelineChanged.activity));
    let sentSeen!: () => void;
    const sent = new Promise<void>((resolve) => (sentSeen = resolve));
    let sentId = '';
    const watching = onApi1.subscribe<Event>(
      `subscription($id: ID!) { timelineChanged(regardingId: $id) { change activityId
         activity { id subject ... on Email { direction status internetMessageId from { address } } } } }`,
      { id: opportunityId },
      (events) => {
        if (email(events, (a) => a.id === sentId && a.status === 'SENT') >= 0) sentSeen();
        return email(events, (a) => a.direction === 'INCOMING') >= 0 || events.some((e) => e.errors);
      },
      45_000,
    );
    await watching.connected;

    const result = await onApi2.request(
      `mutation($input: SendEmailInput!) { sendEmail(input: $input) { id status subject } }`,
      {
        input: {
          regardingId: opportunityId,
          to: [BUYER],
          subject: 'Scale-out proposal',
          body: '<p>Our proposal for three workers.</p>',
        },
      },
    );
    expect(result.errors).toBeUndefined();
    const queued = result.data!.sendEmail;
    expect(queued).toMatchObject({ status: 'PENDING_SEND' });
    sentId = queued.id;
    // Some worker sends it; the event reaches API #1 through Redis.
    const ended = watching.events.then(
      () => 'ended',
      () => 'ended',
    );
    expect(await Promise.race([sent.then(() => 'sent'), ended]), 'the email shown as Sent on API #1').toBe('sent');

    const { messages } = await exchange.control<{
      messages: { folder: string; subject: string; internetMessageId: string }[];
    }>('GET', `mailboxes/${encodeURIComponent(SALESPERSON)}/messages`);
    const inSentItems = messages.filter((m) => m.folder === 'sentitems' && m.subject === queued.subject);
    expect(inSentItems).toHaveLength(1);
    // The buyer answers; Exchange notifies API #2, which wakes the mailbox for some worker.
    await exchange.control('POST', `mailboxes/${encodeURIComponent(SALESPERSON)}/deliver`, {
      from: { name: 'Fiona Fabrikam', address: BUYER },
      to: [SALESPERSON],
      subject: `RE: ${queued.subject}`,
      body: '<p>Thanks, let us talk.</p>',
      inReplyTo: inSentItems[0]!.internetMessageId,
    });

    const seen = await watching.events;
    expect(seen.filter((e) => e.errors)).toEqual([]);
    const sentAt = email(seen, (a) => a.id === queued.id && a.status === 'SENT');
    const replyAt = email(seen, (a) => a.direction === 'INCOMING');
    expect(sentAt).toBeGreaterThanOrEqual(0);
    expect(replyAt).toBeGreaterThan(sentAt);
    expect(seen[sentAt]!.data!.timelineChanged).toMatchObject({
      change: 'UPDATED',
      activity: { id: queued.id, subject: queued.subject, direction: 'OUTGOING', status: 'SENT' },
    });
    expect(seen[replyAt]!.data!.timelineChanged).toMatchObject({
      change: 'CREATED',
      activity: { subject: `RE: ${queued.subject}`, status: 'RECEIVED', from: { address: BUYER } },
    });

    // What the salesperson then reads on either API: the reply above the email it answers.
    for (const client of [onApi1, onApi2]) {
      const page = await client.request(
        `query($id: ID!) { timeline(regardingId: $id, first: 10) { totalCount edges { node { subject ... on Email { direction status } } } } }`,
        { id: opportunityId },
      );
      expect(page.errors).toBeUndefined();
      expect(page.data!.timeline).toEqual({
        totalCount: 2,
        edges: [
          { node: { subject: `RE: ${queued.subject}`, direction: 'INCOMING', status: 'RECEIVED' } },
          { node: { subject: queued.subject, direction: 'OUTGOING', status: 'SENT' } },
        ],
      });
    }
  }, 60_000);

  it('never have a mailbox synced by two runs at once, as every run recorded itself', async () => {
    // Drained, the surviving workers have logged the end of every run they started.
    const survivors = workers.filter(isAlive);
    expect(survivors).toHaveLength(WORKERS - 1);
    for (const code of await Promise.all(survivors.map((w) => w.process.stop()))) expect(code).toBe(0);

    const runs = workers
      .flatMap(runsOf)
      .map((run) => ({ ...run, endedAt: run.endedAt ?? endedByKill.get(run.runId) ?? null }));
    expect(runs.filter((run) => run.endedAt === null).map((run) => run.runId)).toEqual([]);
    expect(overlappingRuns(runs).map(describeOverlap)).toEqual([]);

    // The record is whole: every mailbox synced, every worker took part, each run under one worker.
    expect(new Set(runs.map((run) => run.mailboxId))).toEqual(new Set(seeded.mailboxIds.values()));
    expect(new Set(runs.map((run) => run.workerId)).size).toBe(WORKERS);
    for (const worker of workers) {
      const own = new Set(runsOf(worker).map((run) => run.workerId));
      expect([...own]).toEqual([expect.stringMatching(new RegExp(`:${worker.process.child.pid}$`))]);
    }

    // And Exchange and PostgreSQL still agree, the sent email and its reply included.
    expect(await comparison()).toMatchObject({
      duplicated: 0,
      missing: 0,
      copiesMissing: 0,
      copiesWrong: 0,
      copiesUnexpected: 0,
    });
  }, 60_000);
});
