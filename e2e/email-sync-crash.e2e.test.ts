import { randomBytes } from 'node:crypto';
import {
  createDataSource,
  EmailConfigurationService,
  EmailServerProfile,
  EmailServerProfileService,
  Mailbox,
  runMigrations,
  SecretCipher,
} from '@mailroom/domain';
import { newOrganisation, newRoleMailboxes, newUser, principalOf } from '@mailroom/domain/testing';
import { DEMO_TENANT, startEmulator, type RunningEmulator } from '@mailroom/exchange-emulator';
import { createExchangeGateways } from '@mailroom/graph-adapter';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../tooling/free-port.ts';
import { startRedisServer, type RunningRedis } from '../tooling/redis-server.ts';
import { spawnWorker, type Spawned } from './processes.ts';

// The `scale` scenario spreads a mailbox's messages over Inbox (~54 %), Sent Items (~40 %) and
// Archive (~6 %); the sync reads Inbox and Sent Items. With seed 1, the first 5,319 generated
// messages put exactly 5,000 in those two folders (2,870 + 2,130; 319 in Archive). The test reads
// the real figures from the emulator's state before relying on them.
const SCALE = { scenario: 'scale', mailboxes: 1, messagesPerMailbox: 5319, seed: 1 } as const;
const UPN = 'user1@contoso.example';
const SYNCED = 5000;
const PAGE_SIZE = 50;
/** Kill the first worker once this many emails are in: a fifth of the way, many pages in. */
const KILL_AFTER = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, ms: number) {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await sleep(25);
  }
  throw new Error(`${what} did not happen within ${ms} ms; last: ${JSON.stringify(last)}`);
}

// Everything is private to this file: the emulator, a database on the run's PostgreSQL server and a
// redis-server. Every worker of the run sweeps every mailbox of its database and takes every job of
// its Redis, so on the shared ones another file's worker could run (or finish) this sync and the
// SIGKILL would prove nothing.
let emulator: RunningEmulator;
let redis: RunningRedis;
let databaseUrl: string;
let databaseName: string;
let ds: DataSource;
let mailboxId: string;
let organisationId: string;
let folders: { inbox: number; sentitems: number };
const workers: Spawned[] = [];

const control = async (path: string, method: string, body?: unknown) => {
  const response = await fetch(`${emulator.url}/_emulator${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as any;
};

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function startWorkerProcess(): Spawned {
  const worker = spawnWorker({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    MAILROOM_SECRET_KEY: inject('secretKey'),
    LOG_LEVEL: 'info',
    WORKER_QUEUES: 'sync,maintenance',
    DATABASE_POOL_SIZE: '5',
    SYNC_PAGE_SIZE: String(PAGE_SIZE),
    SYNC_SWEEP_SECONDS: '1',
    SYNC_LEASE_SECONDS: '5',
  });
  workers.push(worker);
  return worker;
}

async function counts() {
  const [row] = await ds.query(
    `SELECT (SELECT count(*)::int FROM email WHERE "organisationId" = $1) AS emails,
            (SELECT count(*)::int FROM email_copy WHERE "mailboxId" = $2) AS copies`,
    [organisationId, mailboxId],
  );
  return row as { emails: number; copies: number };
}

const mailbox = () => ds.getRepository(Mailbox).findOneByOrFail({ id: mailboxId });

beforeAll(async () => {
  databaseName = `mailroom_crash_${randomBytes(4).toString('hex')}`;
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${databaseName}`;
  databaseUrl = url.href;
  [emulator, redis] = await Promise.all([
    startEmulator({ port: 0, dataDir: inject('emulatorDataDir'), scenario: 'empty' }),
    freePort().then((port) => startRedisServer({ port })),
    adminQuery(`CREATE DATABASE "${databaseName}"`),
  ]);
  ds = createDataSource({ url: databaseUrl, poolSize: 4 });
  await ds.initialize();
  await runMigrations(ds);

  await control('/reset', 'POST', SCALE);
  const state = await control('/state', 'GET');
  const held = state.mailboxes.find((m: any) => m.userPrincipalName === UPN);
  const count = (name: string) => held.folders.find((f: any) => f.wellKnownName === name)?.totalItemCount ?? 0;
  folders = { inbox: count('inbox'), sentitems: count('sentitems') };
  expect(folders.inbox + folders.sentitems).toBe(SYNCED);
  expect(held.messages).toBeGreaterThanOrEqual(SYNCED);

  // The CRM side: an organisation connected to the emulator's demo tenant through the domain's own
  // services (the secret is checked against the tenant, then stored encrypted with the run's key).
  const organisation = await newOrganisation(ds, 'Contoso (crash test)');
  organisationId = organisation.id;
  const owner = await newUser(ds, organisation, {
    displayName: 'Alice Rossi',
    primaryEmail: UPN,
    roles: ['SYSTEM_ADMINISTRATOR', 'SALES_PROFESSIONAL'],
  });
  const principal = await principalOf(ds, owner);
  const cipher = new SecretCipher(Buffer.from(inject('secretKey'), 'base64'));
  const profile = await ds.getRepository(EmailServerProfile).findOneByOrFail({ organisationId, isDefault: true });
  // The default polling interval (60 s) stays: a crashed sync must resume when its lease expires,
  // not when the mailbox is next due for polling.
  await new EmailServerProfileService(ds, cipher).update(principal, {
    id: profile.id,
    graphEndpoint: emulator.url,
    authorityUrl: emulator.url,
  });
  await new EmailConfigurationService(ds, cipher, createExchangeGateways()).connectTenant(principal, {
    tenantId: DEMO_TENANT.tenantId,
    clientId: DEMO_TENANT.clientId,
    clientSecret: DEMO_TENANT.clientSecret,
  });
  const [created] = await newRoleMailboxes(ds, organisation);
  mailboxId = created!.id;
  await ds.getRepository(Mailbox).update(
    { id: mailboxId },
    {
      approvalStatus: 'APPROVED',
      incomingMethod: 'SERVER_SIDE_SYNC',
      incomingStatus: 'SUCCESS',
      enabledForIncoming: true,
      processingState: 'ACTIVE',
      incomingFilter: 'ALL_EMAIL',
    },
  );
}, 60_000);

afterAll(async () => {
  for (const worker of workers) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await worker.exited;
  }
  await ds?.destroy();
  await emulator?.stop();
  await redis?.stop();
  if (databaseName) await adminQuery(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

describe('initial sync of a large mailbox, with a worker crash', () => {
  it('ends with exactly 5,000 activities after a worker is killed (SIGKILL) mid-sync and another one takes over', async () => {
    const first = startWorkerProcess();
    await first.waitFor('worker ready', 30_000);
    await eventually(counts, (c) => c.emails >= KILL_AFTER, `${KILL_AFTER} emails synced`, 30_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull(); // no exit code: killed by the signal
    expect(first.child.signalCode).toBe('SIGKILL');

    const atKill = await counts();
    expect(atKill.emails).toBeGreaterThan(0);
    expect(atKill.emails).toBeLessThan(SYNCED);
    // A page is committed whole, with its cursor: never emails without their copies.
    expect(atKill.copies).toBe(atKill.emails);
    const crashed = await mailbox();
    expect(crashed.lastSyncSuccessAt).toBeNull();
    // The dead worker still holds the mailbox's lease, and left a cursor to resume from.
    expect(crashed.syncStage).not.toBeNull();
    expect(Object.keys(crashed.deltaCursors).length).toBeGreaterThan(0);
    await sleep(500);
    expect(await counts()).toEqual(atKill); // and nothing else is syncing this mailbox

    // A new worker's sweeper releases the lease once it is SYNC_LEASE_SECONDS old and wakes the
    // mailbox at once.
    const second = startWorkerProcess();
    await second.waitFor('worker ready', 30_000);
    // Done: the run recorded its success and released the mailbox.
    const synced = await eventually(
      mailbox,
      (m) => m.lastSyncSuccessAt !== null && m.syncStage === null,
      'the sync to complete',
      45_000,
    );
    expect(synced.lastSyncSuccessAt!.getTime()).toBeGreaterThan(crashed.lastSyncAttemptAt!.getTime());

    expect(await counts()).toEqual({ emails: SYNCED, copies: SYNCED });
    const duplicates = await ds.query(
      `SELECT "internetMessageId", count(*)::int AS n FROM email WHERE "organisationId" = $1
        GROUP BY 1 HAVING count(*) > 1`,
      [organisationId],
    );
    expect(duplicates).toEqual([]);
    const [distinct] = await ds.query(
      `SELECT count(DISTINCT "internetMessageId")::int AS n FROM email WHERE "organisationId" = $1`,
      [organisationId],
    );
    expect(distinct.n).toBe(SYNCED);
    const perFolder: { folderId: string; n: number }[] = await ds.query(
      `SELECT "folderId", count(*)::int AS n FROM email_copy WHERE "mailboxId" = $1 AND NOT removed GROUP BY 1`,
      [mailboxId],
    );
    expect(Object.fromEntries(perFolder.map((row) => [row.folderId, row.n]))).toEqual(folders);
    // The second worker logged no error and drains cleanly.
    expect(second.output()).not.toMatch(/"level":(50|60)/);
    expect(await second.stop()).toBe(0);
  }, 120_000);
});
