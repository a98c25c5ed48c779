// One worker process keeping 10,000 enabled mailboxes polled at a 60 s interval (the profile's
// polling interval; no change notifications, no new mail): the worker's CPU as a share of one
// core over a full interval in the steady state, its peak RSS, and whether every mailbox was
// polled on time. Reference in the same run: the Graph work alone — the same two delta reads per
// mailbox through the adapter in this process, with no queue, database or scheduling — as CPU
// share of one core at the same rate.
import { randomBytes } from 'node:crypto';
import { createDataSource, SecretCipher } from '@mailroom/domain';
import { DEMO_TENANT } from '@mailroom/exchange-emulator';
import { createGraphAdapter } from '@mailroom/graph-adapter';
import { spawnWorker } from '../e2e/processes.ts';
import { runMigrations } from '../packages/domain/src/data-source.ts';
import { startEphemeralPostgres } from '../tooling/ephemeral-postgres.ts';
import { freePort } from '../tooling/free-port.ts';
import { startRedisServer } from '../tooling/redis-server.ts';
import { bulkMailboxes, connectedOrganisation, scaleUpn } from './bench-seed.ts';
import { cpuSeconds, peakRssMiB, startBenchEmulator } from './bench-stack.ts';
import { median, type Bench, type BenchRow } from './bench-table.ts';

const MAILBOXES = 10_000;
const INTERVAL_SECONDS = 60;
/** The measured interval is split into this many windows, for a median. */
const WINDOWS = 3;
/** Mailboxes whose Graph work the reference repeats (its CPU is scaled to the full rate). */
const REFERENCE_MAILBOXES = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds of the reference per mailbox poll: two incremental delta reads, straight through the adapter. */
async function graphWorkAlone(emulatorUrl: string): Promise<number> {
  const adapter = createGraphAdapter({ graphBaseUrl: emulatorUrl, authorityUrl: emulatorUrl, ...DEMO_TENANT });
  const upns = Array.from({ length: REFERENCE_MAILBOXES }, (_, i) => scaleUpn(i, MAILBOXES));
  const cursors = new Map<string, string>();
  const read = async (upn: string, folder: string) => {
    const key = `${upn}/${folder}`;
    for await (const page of adapter.messageDelta(upn, folder, { cursor: cursors.get(key) })) {
      if (page.deltaCursor) cursors.set(key, page.deltaCursor);
    }
  };
  const pollAll = async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < upns.length) {
          const upn = upns[next++]!;
          await read(upn, 'inbox');
          await read(upn, 'sentitems');
        }
      }),
    );
  };
  await pollAll(); // first reads: cursors, tokens, connections
  const before = process.cpuUsage();
  await pollAll();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6 / REFERENCE_MAILBOXES;
}

export const scheduleBench: Bench = {
  name: 'schedule',
  async run(): Promise<BenchRow[]> {
    const [postgres, redis, emulator] = await Promise.all([
      startEphemeralPostgres(),
      freePort().then((port) => startRedisServer({ port })),
      startBenchEmulator(),
    ]);
    const secretKey = randomBytes(32).toString('base64');
    const cipher = new SecretCipher(Buffer.from(secretKey, 'base64'));
    const dataSource = createDataSource({ url: postgres.url, poolSize: 2 });
    let worker: ReturnType<typeof spawnWorker> | undefined;
    try {
      await emulator.reset(MAILBOXES, 0);
      await dataSource.initialize();
      await runMigrations(dataSource);
      const { organisationId, profileId } = await connectedOrganisation(dataSource, 'Poll Co', emulator.url, cipher, {
        minPollingIntervalSeconds: INTERVAL_SECONDS,
      });
      await bulkMailboxes(dataSource, organisationId, profileId, MAILBOXES, { enabled: true });
      // Last polled at even spacing over the past interval, so they fall due at a steady rate.
      await dataSource.query(
        `UPDATE mailbox m SET "lastSyncAttemptAt" = now() - make_interval(secs => $2 * s.n / $3::float)
           FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM mailbox WHERE "organisationId" = $1) s
          WHERE m.id = s.id`,
        [organisationId, INTERVAL_SECONDS, MAILBOXES],
      );

      worker = spawnWorker({
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        MAILROOM_SECRET_KEY: secretKey,
        LOG_LEVEL: 'info',
      });
      await worker.waitFor('worker ready', 60_000);
      const pid = worker.child.pid!;
      // Warm-up: the first interval reads every folder for the first time (cursors, tokens, JIT).
      await sleep(INTERVAL_SECONDS * 1000 + 5000);

      const { t0 } = ((await dataSource.query('SELECT now() AS t0')) as { t0: Date }[])[0]!;
      const cpuBefore = cpuSeconds(pid);
      const emulatorBefore = cpuSeconds(emulator.pid);
      const started = performance.now();
      // One interval, measured as WINDOWS equal windows: the figure is their median.
      const windowShares: number[] = [];
      for (let w = 0; w < WINDOWS; w++) {
        const windowStart = performance.now();
        const windowCpu = cpuSeconds(pid);
        await sleep((INTERVAL_SECONDS * 1000) / WINDOWS);
        windowShares.push(((cpuSeconds(pid) - windowCpu) / ((performance.now() - windowStart) / 1000)) * 100);
      }
      const seconds = (performance.now() - started) / 1000;
      const workerCpu = cpuSeconds(pid) - cpuBefore;
      const emulatorCpu = cpuSeconds(emulator.pid) - emulatorBefore;
      const [polled] = (await dataSource.query(
        `SELECT count(*) FILTER (WHERE "lastSyncSuccessAt" >= $2)::int AS polled,
                count(*) FILTER (WHERE "lastSyncAttemptAt" < now() - make_interval(secs => $3))::int AS late,
                count(*) FILTER (WHERE "consecutiveFailures" > 0)::int AS failing
           FROM mailbox WHERE "organisationId" = $1`,
        [organisationId, t0, INTERVAL_SECONDS + 5],
      )) as { polled: number; late: number; failing: number }[];
      const peak = peakRssMiB(pid);
      const output = worker.output();
      await worker.stop();
      worker = undefined;

      const referencePerPoll = await graphWorkAlone(emulator.url);
      const pollsPerSecond = MAILBOXES / INTERVAL_SECONDS;
      const share = median(windowShares);
      const referenceShare = referencePerPoll * pollsPerSecond * 100;
      const warnings = output.split('\n').filter((line) => line.includes('"level":40') || line.includes('"level":50'));
      return [
        {
          figure: `one worker polling ${MAILBOXES.toLocaleString('en-US')} mailboxes every ${INTERVAL_SECONDS} s: CPU of one core`,
          value: share,
          unit: '%',
          target: '< 50 %',
          pass: share < 50 && polled!.polled >= MAILBOXES * 0.98 && polled!.late === 0,
          reference: { label: 'the same Graph reads through the adapter alone', value: referenceShare },
          note:
            `median of ${WINDOWS} windows of ${INTERVAL_SECONDS / WINDOWS} s (${windowShares.map((x) => x.toFixed(1)).join(', ')} %; ` +
            `${((workerCpu / seconds) * 100).toFixed(1)} % over the whole interval); ` +
            `${polled!.polled.toLocaleString('en-US')} of ${MAILBOXES.toLocaleString('en-US')} mailboxes polled in the ${seconds.toFixed(0)} s window` +
            ` (${pollsPerSecond.toFixed(0)}/s), ${polled!.late} overdue by more than 5 s, ${polled!.failing} failing;` +
            ` worker ${((workerCpu * 1000) / Math.max(1, polled!.polled)).toFixed(2)} ms CPU per poll vs ${(referencePerPoll * 1000).toFixed(2)} ms for its Graph reads alone;` +
            ` emulator ${((emulatorCpu / seconds) * 100).toFixed(0)} % of a core; ${warnings.length} warnings logged`,
        },
        {
          figure: `one worker polling ${MAILBOXES.toLocaleString('en-US')} mailboxes: peak RSS`,
          value: peak,
          unit: 'MiB',
          target: '≤ 300 MB',
          pass: peak * 1.048576 <= 300,
        },
      ];
    } finally {
      await worker?.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
      await emulator.stop();
      await Promise.all([redis.stop(), postgres.stop()]);
    }
  },
};
