// The first sync as the sync and scale benchmarks measure it: worker processes, every mailbox of
// an organisation woken at once, the wait until Postgres holds every message of their Inbox and
// Sent Items, the check that each was stored exactly once, and the way back to before the first
// sync so the next run is a first sync again.
import { DEMO_TENANT } from '@mailroom/exchange-emulator';
import { createGraphAdapter } from '@mailroom/graph-adapter';
import { QUEUES, type JobQueues, type RedisSyncSignals } from '@mailroom/queues';
import type { DataSource } from 'typeorm';
import { spawnWorker, type Spawned } from '../e2e/processes.ts';
import { compareWithTruth, type ExactlyOnce, type GroundTruth, type Held } from './bench-exactly-once.ts';
import type { Stack, startBenchEmulator } from './bench-stack.ts';

export type BenchEmulator = Awaited<ReturnType<typeof startBenchEmulator>>;

/** Jobs each worker process runs at once. */
export const WORKER_CONCURRENCY = 8;
/** Messages per delta page: the worker's default (SYNC_PAGE_SIZE), set here so the labels say it. */
export const PAGE_SIZE = 200;
/** The synced folders' messages of the emulator's `scale` scenario (its Internet ids start so). */
const SCALE_MESSAGE = `"internetMessageId" LIKE '<S%'`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` worker processes (apps/worker), started as every launcher starts one, ready to take jobs. */
export async function startSyncWorkers(
  stack: Stack,
  count: number,
  env: Record<string, string> = {},
): Promise<Spawned[]> {
  const workers = Array.from({ length: count }, () =>
    spawnWorker({
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      MAILROOM_SECRET_KEY: stack.secretKey,
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
      SYNC_PAGE_SIZE: String(PAGE_SIZE),
      ...env,
    }),
  );
  await Promise.all(workers.map((w) => w.waitFor('worker ready', 60_000)));
  return workers;
}

/** Reads the ground truth from the emulator, mailbox by mailbox (`upns[i]` is `mailboxIds[i]`). */
export async function groundTruth(emulator: BenchEmulator, upns: string[], mailboxIds: string[]): Promise<GroundTruth> {
  const truth: GroundTruth = { messageIds: new Set(), copies: new Map() };
  for (const [i, upn] of upns.entries()) {
    const { messages } = (await emulator.control(`/mailboxes/${encodeURIComponent(upn)}/messages`, 'GET')) as {
      messages: { id: string; folder: string; internetMessageId: string; isDraft: boolean }[];
    };
    const copies = new Map<string, string>();
    for (const message of messages) {
      if (message.isDraft || (message.folder !== 'inbox' && message.folder !== 'sentitems')) continue;
      truth.messageIds.add(message.internetMessageId);
      copies.set(message.id, message.internetMessageId);
    }
    truth.copies.set(mailboxIds[i]!, copies);
  }
  return truth;
}

/** Emails of the scale scenario's messages the organisation holds (counting is a scan: use sparingly). */
async function countIngested(dataSource: DataSource, organisationId: string): Promise<number> {
  const rows = (await dataSource.query(
    `SELECT count(*)::int AS n FROM email WHERE "organisationId" = $1 AND ${SCALE_MESSAGE}`,
    [organisationId],
  )) as { n: number }[];
  return rows[0]!.n;
}

export interface FirstSync {
  seconds: number;
  /** Emails in Postgres when the wait ended. */
  synced: number;
  /** Whether every expected message arrived before the deadline. */
  finished: boolean;
  /** When half the mailboxes had completed a round, in seconds. */
  halfAt: number | null;
}

/**
 * Wakes every mailbox (as the sweeper or a notification would) and waits until the email table
 * holds `expected` emails of the scale scenario or the deadline passes.
 */
export async function firstSync(
  dataSource: DataSource,
  signals: RedisSyncSignals,
  organisationId: string,
  mailboxIds: string[],
  expected: number,
  deadlineMs: number,
): Promise<FirstSync> {
  // Counting the email table is a scan of everything ingested so far: done once a second,
  // while the cheap mailbox table tells how many mailboxes have completed a round.
  const { t0 } = ((await dataSource.query('SELECT now() AS t0')) as { t0: Date }[])[0]!;
  const mailboxesDone = async () =>
    (
      (await dataSource.query(
        `SELECT count(*)::int AS n FROM mailbox WHERE "organisationId" = $1 AND "lastSyncSuccessAt" >= $2`,
        [organisationId, t0],
      )) as { n: number }[]
    )[0]!.n;
  const started = performance.now();
  await signals.wake(mailboxIds);
  let synced = 0;
  let halfAt: number | null = null;
  let lastCount = 0;
  while (performance.now() - started < deadlineMs) {
    const done = await mailboxesDone();
    if (halfAt === null && done >= mailboxIds.length / 2) halfAt = (performance.now() - started) / 1000;
    if (done >= mailboxIds.length || performance.now() - lastCount >= 1000) {
      lastCount = performance.now();
      synced = await countIngested(dataSource, organisationId);
      if (synced >= expected) break;
    }
    await sleep(100);
  }
  return { seconds: (performance.now() - started) / 1000, synced, finished: synced >= expected, halfAt };
}

/** Compares what Postgres holds of the scale scenario's messages with Exchange's ground truth. */
export async function exactlyOnce(
  dataSource: DataSource,
  organisationId: string,
  truth: GroundTruth,
): Promise<ExactlyOnce> {
  const emails = (await dataSource.query(
    `SELECT "internetMessageId" AS id, count(*)::int AS n FROM email
      WHERE "organisationId" = $1 AND ${SCALE_MESSAGE} GROUP BY 1`,
    [organisationId],
  )) as { id: string; n: number }[];
  const copies = (await dataSource.query(
    `SELECT c."mailboxId", c."exchangeMessageId" AS key, e."internetMessageId" AS imid
       FROM email_copy c JOIN email e ON e.id = c."emailId"
      WHERE c."organisationId" = $1 AND NOT c.removed`,
    [organisationId],
  )) as { mailboxId: string; key: string; imid: string | null }[];
  const held: Held = { emails: new Map(emails.map((row) => [row.id, row.n])), copies: new Map() };
  for (const row of copies) {
    const mailbox = held.copies.get(row.mailboxId) ?? new Map<string, string | null>();
    mailbox.set(row.key, row.imid);
    held.copies.set(row.mailboxId, mailbox);
  }
  return compareWithTruth(truth, held);
}

/**
 * Longer than the worker's sweep period (SYNC_SWEEP_SECONDS, 1 s by default): a sweep that chose
 * a mailbox just before the wait began has queued it by then.
 */
const QUIET_MS = 1500;

/**
 * Waits until no sync of the organisation has run or waited in the queue for QUIET_MS; throws
 * after `timeoutMs`.
 */
export async function waitSyncIdle(
  dataSource: DataSource,
  queues: JobQueues,
  organisationId: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let quietSince: number | null = null;
  for (;;) {
    const [{ busy }] = (await dataSource.query(
      `SELECT count(*)::int AS busy FROM mailbox WHERE "organisationId" = $1 AND "syncStage" IS NOT NULL`,
      [organisationId],
    )) as [{ busy: number }];
    const sync = (await queues.counts())[QUEUES.sync] ?? {};
    const queued = (sync['waiting'] ?? 0) + (sync['active'] ?? 0) + (sync['prioritized'] ?? 0);
    if (busy > 0 || queued > 0) quietSince = null;
    else if (quietSince === null) quietSince = performance.now();
    else if (performance.now() - quietSince >= QUIET_MS) return;
    if (performance.now() > deadline) throw new Error(`syncs still running: ${busy} mailboxes, ${queued} jobs`);
    await sleep(250);
  }
}

/**
 * Puts the organisation back to before its first sync: no emails, copies or parties (TRUNCATE,
 * so the next run writes into empty tables and indexes as the first did, not around dead rows),
 * no delta cursors, no change subscriptions in Postgres or Exchange. The mailboxes look "synced
 * just now", as when seeded, so the sweeper leaves them alone until the next run wakes them.
 * The database must hold this organisation's emails only; a caller re-creates any email of its own.
 */
export async function forgetFirstSync(
  dataSource: DataSource,
  queues: JobQueues,
  emulatorUrl: string,
  organisationId: string,
): Promise<void> {
  // Incoming off first: the sweeper passes the mailboxes over and a queued sync skips them, so no
  // sync (e.g. the sweeper's poll of a mailbox synced early in the run) writes while they are reset.
  await dataSource.query(`UPDATE mailbox SET "enabledForIncoming" = false WHERE "organisationId" = $1`, [
    organisationId,
  ]);
  await waitSyncIdle(dataSource, queues, organisationId, 120_000);
  const others = (await dataSource.query(`SELECT 1 FROM email WHERE "organisationId" <> $1 LIMIT 1`, [
    organisationId,
  ])) as unknown[];
  if (others.length > 0) throw new Error('another organisation has emails: TRUNCATE would remove them');
  const subscriptions = (await dataSource.query(`SELECT id FROM graph_subscription WHERE "organisationId" = $1`, [
    organisationId,
  ])) as { id: string }[];
  const adapter = createGraphAdapter({ graphBaseUrl: emulatorUrl, authorityUrl: emulatorUrl, ...DEMO_TENANT });
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < subscriptions.length) await adapter.deleteSubscription(subscriptions[next++]!.id);
    }),
  );
  await dataSource.transaction(async (manager) => {
    await manager.query('TRUNCATE email_party, email_copy, email');
    await manager.query(`DELETE FROM graph_subscription WHERE "organisationId" = $1`, [organisationId]);
    await manager.query(
      `UPDATE mailbox SET "enabledForIncoming" = true, "deltaCursors" = '{}', "lastSyncSuccessAt" = NULL, "lastSyncAttemptAt" = now(),
              "consecutiveFailures" = 0, "backoffUntil" = NULL
        WHERE "organisationId" = $1`,
      [organisationId],
    );
  });
}

/**
 * Throws unless the organisation is as before a first sync: nothing ingested, no cursor, no
 * subscription in Postgres or Exchange — so a run cannot reuse anything of the one before.
 */
export async function assertBeforeFirstSync(
  dataSource: DataSource,
  emulator: BenchEmulator,
  organisationId: string,
): Promise<void> {
  const [left] = (await dataSource.query(
    `SELECT (SELECT count(*)::int FROM email WHERE "organisationId" = $1 AND ${SCALE_MESSAGE}) AS emails,
            (SELECT count(*)::int FROM email_copy WHERE "organisationId" = $1) AS copies,
            (SELECT count(*)::int FROM mailbox WHERE "organisationId" = $1 AND "deltaCursors" <> '{}') AS cursors,
            (SELECT count(*)::int FROM graph_subscription WHERE "organisationId" = $1) AS subscriptions`,
    [organisationId],
  )) as [Record<string, number>];
  const { subscriptions } = (await emulator.control('/state', 'GET')) as { subscriptions: unknown[] };
  const found = { ...left, 'Exchange subscriptions': subscriptions.length };
  const reused = Object.entries(found).filter(([, n]) => n !== 0);
  if (reused.length > 0) throw new Error(`not a first sync: ${reused.map(([k, n]) => `${n} ${k}`).join(', ')}`);
}
