// Approve and test 10,000 mailboxes (emulator `scale` scenario): wall time from the mutation to
// the job's completion, mailboxes/s, the emulator's throttling violations and the workers' peak
// RSS. Target: ≤ 60 s on a 2-core machine with zero violations. Reference in the same run: the
// same number of mailbox tests straight through the Graph adapter, with no queue or database.
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { createDataSource, EmailServerProfile, Organisation, SecretCipher, type User } from '@mailroom/domain';
import { newOrganisation, newUser } from '@mailroom/domain/testing';
import { createGraphAdapter } from '@mailroom/graph-adapter';
import { DEMO_TENANT } from '@mailroom/exchange-emulator';
import { loadConfig } from '../apps/api/src/config.ts';
import { createApiServer } from '../apps/api/src/server.ts';
import { TestClient } from '../apps/api/src/testing/graphql-client.ts';
import { spawnWorker } from '../e2e/processes.ts';
import { startEphemeralPostgres } from '../tooling/ephemeral-postgres.ts';
import { freePort } from '../tooling/free-port.ts';
import { startRedisServer } from '../tooling/redis-server.ts';
import { runMigrations } from '../packages/domain/src/data-source.ts';
import { peakRssMiB, startBenchEmulator } from './bench-stack.ts';
import { median, type Bench, type BenchRow } from './bench-table.ts';

const MAILBOXES = 10_000;
const WORKERS = 2;
/** Measured runs; the figure is their median. */
const RUNS = 3;

async function seed(url: string, emulatorUrl: string, cipher: SecretCipher, run: number) {
  const dataSource = createDataSource({ url, poolSize: 4 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const organisation = await newOrganisation(dataSource, `Scale Co ${run}`);
  await dataSource.getRepository(Organisation).update(
    { id: organisation.id },
    {
      tenantId: DEMO_TENANT.tenantId,
      appClientId: DEMO_TENANT.clientId,
      appClientSecretEncrypted: cipher.encrypt(DEMO_TENANT.clientSecret),
    },
  );
  await dataSource
    .getRepository(EmailServerProfile)
    .update(
      { organisationId: organisation.id, isDefault: true },
      { graphEndpoint: emulatorUrl, authorityUrl: emulatorUrl },
    );
  const admin: User = await newUser(dataSource, organisation, {
    primaryEmail: `admin${run}@scale.example`,
    roles: ['SYSTEM_ADMINISTRATOR'],
    password: 'bench-pass',
  });
  // Users and their mailboxes in bulk: user0001@contoso.example … as the scale scenario names them.
  const width = String(MAILBOXES).length;
  const profile = await dataSource
    .getRepository(EmailServerProfile)
    .findOneByOrFail({ organisationId: organisation.id, isDefault: true });
  for (let start = 0; start < MAILBOXES; start += 1000) {
    const emails = Array.from(
      { length: Math.min(1000, MAILBOXES - start) },
      (_, i) => `user${String(start + i + 1).padStart(width, '0')}@contoso.example`,
    );
    const users: { id: string }[] = await dataSource.query(
      `INSERT INTO app_user ("organisationId", "displayName", "primaryEmail", "primaryEmailLower", "userPrincipalName", "salesLicense", "exchangeLicenseValid")
       SELECT $1, e, e, e, e, 'SALES_PROFESSIONAL', true FROM unnest($2::text[]) AS e RETURNING id`,
      [organisation.id, emails],
    );
    await dataSource.query(
      `INSERT INTO mailbox ("organisationId", "ownerUserId", "emailAddress", "emailAddressLower", "emailServerProfileId", "incomingMethod", "outgoingMethod", "actMethod", version)
       SELECT $1, u, e, e, $4, 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 'SERVER_SIDE_SYNC', 1 FROM unnest($2::uuid[], $3::text[]) AS t(u, e)`,
      [organisation.id, users.map((u) => u.id), emails, profile.id],
    );
  }
  const ids: { id: string }[] = await dataSource.query(
    'SELECT id FROM mailbox WHERE "organisationId" = $1 AND "ownerUserId" <> $2',
    [organisation.id, admin.id],
  );
  await dataSource.destroy();
  return { mailboxIds: ids.map((r) => r.id), adminEmail: admin.primaryEmail, organisationId: organisation.id };
}

/** The reference: the same tests through the adapter alone, 40 at a time. */
async function adapterOnly(emulatorUrl: string, count: number): Promise<number> {
  const adapter = createGraphAdapter({ graphBaseUrl: emulatorUrl, authorityUrl: emulatorUrl, ...DEMO_TENANT });
  const width = String(MAILBOXES).length;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 40 }, async () => {
      while (next < count) await adapter.testMailbox(`user${String(++next).padStart(width, '0')}@contoso.example`);
    }),
  );
  return (performance.now() - started) / 1000;
}

export const approveAndTestBench: Bench = {
  name: 'approve-and-test',
  async run(): Promise<BenchRow[]> {
    const [postgres, redis, emulator] = await Promise.all([
      startEphemeralPostgres(),
      freePort().then((port) => startRedisServer({ port })),
      startBenchEmulator(),
    ]);
    const secretKey = randomBytes(32).toString('base64');
    const cipher = new SecretCipher(Buffer.from(secretKey, 'base64'));
    const workers = [];
    try {
      await emulator.reset(MAILBOXES, 0);
      // Migrations before the API starts (the first seed runs them).
      let seeded = await seed(postgres.url, emulator.url, cipher, 1);
      const config = loadConfig({
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        MAILROOM_SECRET_KEY: secretKey,
        LOG_LEVEL: 'silent',
      });
      const api = await createApiServer(config, pino({ level: 'silent' }));
      const port = await api.listen(0, '127.0.0.1');
      for (let i = 0; i < WORKERS; i++) {
        const worker = spawnWorker({
          DATABASE_URL: postgres.url,
          REDIS_URL: redis.url,
          MAILROOM_SECRET_KEY: secretKey,
          LOG_LEVEL: 'info',
          WORKER_CONCURRENCY: '8',
        });
        workers.push(worker);
      }
      await Promise.all(workers.map((w) => w.waitFor('worker ready', 60_000)));

      // RUNS times: a fresh organisation of 10,000 users over the same tenant, approved and tested;
      // then its mailboxes are disabled, so their polling does not load the next run.
      const runs: { seconds: number; done: number; failed: number }[] = [];
      for (let run = 1; run <= RUNS; run++) {
        if (run > 1) seeded = await seed(postgres.url, emulator.url, cipher, run);
        const admin = await new TestClient(`http://127.0.0.1:${port}`).signIn(seeded.adminEmail, 'bench-pass');
        const started = performance.now();
        const result = await admin.request(
          'mutation($ids: [ID!]!) { approveAndTestMailboxes(mailboxIds: $ids) { id } }',
          { ids: seeded.mailboxIds },
        );
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        const jobId = result.data?.approveAndTestMailboxes.id;
        let job: { status: string; done: number; failed: number } | undefined;
        for (;;) {
          job = (await admin.request('query($id: ID!) { job(id: $id) { status done failed } }', { id: jobId })).data
            ?.job;
          if (job?.status === 'COMPLETED' || job?.status === 'FAILED') break;
          await new Promise((r) => setTimeout(r, 250));
        }
        runs.push({ seconds: (performance.now() - started) / 1000, done: job?.done ?? 0, failed: job?.failed ?? 0 });
        await api.dataSource.query(
          `UPDATE mailbox SET "enabledForIncoming" = false, "enabledForOutgoing" = false, "enabledForAct" = false
            WHERE "organisationId" = $1`,
          [seeded.organisationId],
        );
      }
      const seconds = median(runs.map((r) => r.seconds));
      const job = { done: Math.min(...runs.map((r) => r.done)), failed: Math.max(...runs.map((r) => r.failed)) };
      const peak = Math.max(...workers.map((w) => peakRssMiB(w.child.pid!)));
      const state = await emulator.control('/state', 'GET');
      const throttling = state.throttling as { violations: number; throttled: number; requests: number };
      const violations = throttling.violations;
      await Promise.all(workers.map((w) => w.stop()));
      await api.stop();

      const referenceSeconds = await adapterOnly(emulator.url, 2000);
      return [
        {
          figure: `approve + test ${MAILBOXES.toLocaleString('en-US')} mailboxes, wall time`,
          value: seconds,
          unit: 's',
          target: '≤ 60 s',
          pass: Math.max(...runs.map((r) => r.seconds)) <= 60 && job.done === MAILBOXES,
          note:
            `median of ${RUNS} runs, each a fresh organisation of ${MAILBOXES.toLocaleString('en-US')} over the same tenant: ` +
            runs.map((r) => `${r.seconds.toFixed(1)} s (${r.done} done, ${r.failed} failed)`).join(', ') +
            `; ${(MAILBOXES / seconds).toFixed(0)} mailboxes/s with ${WORKERS} worker processes; worker peak RSS ${peak.toFixed(0)} MiB`,
        },
        {
          figure: 'approve + test: mailboxes/s',
          value: MAILBOXES / seconds,
          unit: 'mailbox/s',
          target: '≥ 167 mailbox/s',
          pass: MAILBOXES / seconds >= 10_000 / 60,
          reference: { label: 'adapter alone, no queue or DB', value: 2000 / referenceSeconds },
        },
        {
          figure: 'approve + test: throttling violations (emulator)',
          value: violations,
          unit: '',
          target: '0',
          pass: violations === 0,
          note: `over the ${RUNS} runs: ${throttling.requests} Graph requests, ${throttling.throttled} answered 429`,
        },
      ];
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await emulator.stop();
      await Promise.all([redis.stop(), postgres.stop()]);
    }
  },
};
