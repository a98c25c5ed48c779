// The sync-health dashboard's query against real Postgres and Redis: ingested copies land in their
// minute, the failures and 429s workers count show up, only administrators get it, and nothing of
// another organisation ever appears.
import { randomUUID } from 'node:crypto';
import type { Mailbox, Organisation } from '@mailroom/domain';
import { newOrganisation, newRoleMailboxes, newUser } from '@mailroom/domain/testing';
import { QUEUES, RedisSyncHealthCounters } from '@mailroom/queues';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApi, type ApiHarness } from '../testing/api-harness.ts';
import type { TestClient } from '../testing/graphql-client.ts';

const QUERY = `query SyncHealth($windowMinutes: Int) {
  syncHealth(windowMinutes: $windowMinutes) {
    windowMinutes
    minutes { at emailsSynced failures throttled }
    queues { queue waiting active delayed failed }
    slowestMailboxes { id emailAddress lastSyncAt lagSeconds consecutiveFailures }
  }
}`;

interface Health {
  windowMinutes: number;
  minutes: { at: string; emailsSynced: number; failures: number; throttled: number }[];
  queues: { queue: string; waiting: number; active: number; delayed: number; failed: number }[];
  slowestMailboxes: {
    id: string;
    emailAddress: string;
    lastSyncAt: string | null;
    lagSeconds: number;
    consecutiveFailures: number;
  }[];
}

let api: ApiHarness;
let redis: Redis;
let counters: RedisSyncHealthCounters;
let ds: DataSource;
const minuteOf = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000).toISOString();
// Seeded a few minutes back, so every bucket is inside a 60-minute window whenever the test runs.
const now = new Date();
const fiveMinutesAgo = new Date(now.getTime() - 5 * 60_000);
const twoMinutesAgo = new Date(now.getTime() - 2 * 60_000);

interface Seeded {
  organisation: Organisation;
  admin: TestClient;
  salesperson: TestClient;
  mailboxes: Mailbox[];
}

/** An organisation with an administrator, a salesperson and two enabled, synced mailboxes. */
async function seedOrganisation(): Promise<Seeded> {
  const organisation = await newOrganisation(ds);
  const admin = await newUser(ds, organisation, { roles: ['SYSTEM_ADMINISTRATOR'], password: 'pw' });
  const salesperson = await newUser(ds, organisation, { roles: ['SALES_PROFESSIONAL'], password: 'pw' });
  await newUser(ds, organisation, { roles: ['SALES_PROFESSIONAL'] });
  const mailboxes = await newRoleMailboxes(ds, organisation);
  await ds.query(
    `UPDATE mailbox SET "incomingMethod" = 'SERVER_SIDE_SYNC', "enabledForIncoming" = true,
            "processingState" = 'ACTIVE', "lastSyncSuccessAt" = now() - interval '30 seconds'
      WHERE "organisationId" = $1`,
    [organisation.id],
  );
  return {
    organisation,
    mailboxes,
    admin: await api.client.signIn(admin.primaryEmail, 'pw'),
    salesperson: await api.client.signIn(salesperson.primaryEmail, 'pw'),
  };
}

/** `count` emails, each with a copy in `mailbox` ingested at `at`. */
async function ingest(mailbox: Mailbox, count: number, at: Date) {
  for (let i = 0; i < count; i += 1) {
    const [email] = (await ds.query(
      `INSERT INTO email ("organisationId", direction, status, subject, body, "trackedBy", "occurredAt", "internetMessageId")
       VALUES ($1, 'INCOMING', 'RECEIVED', 'Hello', 'body', 'FILTER', $2, $3) RETURNING id`,
      [mailbox.organisationId, at, `<${randomUUID()}@fabrikam.example>`],
    )) as { id: string }[];
    await ds.query(
      `INSERT INTO email_copy ("mailboxId", "exchangeMessageId", "emailId", "organisationId", "folderId", "createdAt")
       VALUES ($1, $2, $3, $4, 'inbox', $5)`,
      [mailbox.id, `AAMk${randomUUID()}`, email!.id, mailbox.organisationId, at],
    );
  }
}

async function healthOf(client: TestClient, windowMinutes = 60): Promise<Health> {
  const result = await client.request<{ syncHealth: Health }>(QUERY, { windowMinutes });
  expect(result.errors).toBeUndefined();
  return result.data!.syncHealth;
}

let ours: Seeded;
let theirs: Seeded;

beforeAll(async () => {
  api = await startApi();
  ds = api.server.dataSource;
  redis = new Redis(inject('redisUrl'));
  counters = new RedisSyncHealthCounters(redis);
  ours = await seedOrganisation();
  theirs = await seedOrganisation();

  const [first, second] = ours.mailboxes;
  await ingest(first!, 3, fiveMinutesAgo);
  await ingest(second!, 1, fiveMinutesAgo);
  await ingest(first!, 2, twoMinutesAgo);
  // The first mailbox is behind: its last sync two hours ago, three failures since.
  await ds.query(
    `UPDATE mailbox SET "lastSyncSuccessAt" = now() - interval '2 hours', "consecutiveFailures" = 3 WHERE id = $1`,
    [first!.id],
  );
  // As workers count them: a failed sync two minutes ago, two 429s five minutes ago.
  counters.count(ours.organisation.id, 'failures', twoMinutesAgo.getTime());
  counters.count(ours.organisation.id, 'throttled', fiveMinutesAgo.getTime());
  counters.count(ours.organisation.id, 'throttled', fiveMinutesAgo.getTime());

  // The other organisation is busier and further behind: none of it may show.
  await ingest(theirs.mailboxes[0]!, 7, fiveMinutesAgo);
  await ds.query(`UPDATE mailbox SET "lastSyncSuccessAt" = now() - interval '3 days' WHERE "organisationId" = $1`, [
    theirs.organisation.id,
  ]);
  for (let i = 0; i < 5; i += 1) {
    counters.count(theirs.organisation.id, 'failures', twoMinutesAgo.getTime());
    counters.count(theirs.organisation.id, 'throttled', fiveMinutesAgo.getTime());
  }
  await counters.close();
}, 60_000);

afterAll(async () => {
  redis?.disconnect();
  await api?.stop();
});

describe('syncHealth', () => {
  it('puts ingested copies, failures and 429s in their minutes, for the caller’s organisation only', async () => {
    const asked = new Date();
    const health = await healthOf(ours.admin);
    const answered = new Date();
    expect(health.windowMinutes).toBe(60);
    expect(health.minutes).toHaveLength(60);
    // The window ends at the current minute (the request may straddle a minute's end).
    expect([minuteOf(asked), minuteOf(answered)]).toContain(health.minutes.at(-1)!.at);
    const at = (when: Date) => health.minutes.find((minute) => minute.at === minuteOf(when));
    expect(at(fiveMinutesAgo)).toMatchObject({ emailsSynced: 4, failures: 0, throttled: 2 });
    expect(at(twoMinutesAgo)).toMatchObject({ emailsSynced: 2, failures: 1, throttled: 0 });
    const totals = health.minutes.reduce(
      (sum, minute) => ({
        emailsSynced: sum.emailsSynced + minute.emailsSynced,
        failures: sum.failures + minute.failures,
        throttled: sum.throttled + minute.throttled,
      }),
      { emailsSynced: 0, failures: 0, throttled: 0 },
    );
    expect(totals).toEqual({ emailsSynced: 6, failures: 1, throttled: 2 });

    const theirsHealth = await healthOf(theirs.admin);
    expect(theirsHealth.minutes.find((minute) => minute.at === minuteOf(fiveMinutesAgo))).toMatchObject({
      emailsSynced: 7,
      throttled: 5,
    });
  });

  it('lists the mailboxes most behind, with their failures, of the caller’s organisation only', async () => {
    const health = await healthOf(ours.admin);
    const [first, second] = ours.mailboxes;
    expect(health.slowestMailboxes.map((mailbox) => mailbox.id)).toEqual([first!.id, second!.id]);
    expect(health.slowestMailboxes[0]).toMatchObject({ emailAddress: first!.emailAddress, consecutiveFailures: 3 });
    expect(health.slowestMailboxes[0]!.lagSeconds).toBeGreaterThanOrEqual(2 * 3600);
    expect(health.slowestMailboxes[0]!.lagSeconds).toBeLessThan(3 * 3600);
    const theirIds = new Set(theirs.mailboxes.map((mailbox) => mailbox.id));
    expect(health.slowestMailboxes.some((mailbox) => theirIds.has(mailbox.id))).toBe(false);
  });

  it('reports the depth of every worker queue', async () => {
    const health = await healthOf(ours.admin);
    expect(health.queues.map((queue) => queue.queue)).toEqual(Object.values(QUEUES).sort());
    for (const queue of health.queues) {
      for (const n of [queue.waiting, queue.active, queue.delayed, queue.failed]) expect(n).toBeGreaterThanOrEqual(0);
    }
  });

  it('reads a shorter window, and refuses one out of range', async () => {
    // Four minutes: the one of twoMinutesAgo stays inside even when a minute ended since it was taken.
    const health = await healthOf(ours.admin, 4);
    expect(health.minutes).toHaveLength(4);
    expect(health.minutes.find((minute) => minute.at === minuteOf(twoMinutesAgo))).toMatchObject({
      emailsSynced: 2,
      failures: 1,
    });
    for (const windowMinutes of [0, 1441]) {
      const result = await ours.admin.request(QUERY, { windowMinutes });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a salesperson (FORBIDDEN) and an anonymous caller (UNAUTHENTICATED)', async () => {
    const asSalesperson = await ours.salesperson.request(QUERY);
    expect(asSalesperson.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(asSalesperson.data).toBeNull();
    const anonymous = await api.client.request(QUERY);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
