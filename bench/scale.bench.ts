// First-sync ingest with 1, 2 and 4 worker processes (apps/worker, started as every launcher
// starts one, each with the same WORKER_CONCURRENCY): 100 mailboxes × 200 messages of the
// emulator's `scale` scenario, messages/s from waking every mailbox until Postgres holds every
// message of their Inbox and Sent Items, the median of three runs per process count, each a real
// first sync of the same mailboxes (see bench-ingest.ts), every message checked against the
// emulator to be stored exactly once. No API runs (so no change subscriptions): the figure is
// the ingest alone. On 2 cores the curve is flat; the benchmark is for machines with more.
import { availableParallelism } from 'node:os';
import { createDataSource } from '@mailroom/domain';
import { JobQueues, RedisSyncSignals } from '@mailroom/queues';
import { Redis } from 'ioredis';
import type { Spawned } from '../e2e/processes.ts';
import { runMigrations } from '../packages/domain/src/data-source.ts';
import {
  assertBeforeFirstSync,
  exactlyOnce,
  firstSync,
  forgetFirstSync,
  groundTruth,
  PAGE_SIZE,
  startSyncWorkers,
  waitSyncIdle,
  WORKER_CONCURRENCY,
  type FirstSync,
} from './bench-ingest.ts';
import {
  EXACTLY_ONCE_COUNTS,
  exactlyOnceCounts,
  exactlyOnceFaults,
  exactlyOnceHolds,
  type ExactlyOnce,
} from './bench-exactly-once.ts';
import { bulkMailboxes, connectedOrganisation, scaleUpn } from './bench-seed.ts';
import { cpuSeconds, startBenchStack } from './bench-stack.ts';
import { median, type Bench, type BenchRow } from './bench-table.ts';
import { cpuMeter, cpuNote, machineCpu, postmasterPid, treeCpuSeconds } from './proc-cpu.ts';

const MAILBOXES = 100;
const MESSAGES_PER_MAILBOX = 200;
const WORKER_COUNTS = [1, 2, 4];
/** Measured first syncs per worker count; the figure is their median. */
const RUNS = 3;
/** Give up on a first sync after this long and report what was measured. */
const FIRST_SYNC_DEADLINE_MS = 180_000;

interface Run extends FirstSync {
  rate: number;
  check: ExactlyOnce;
}

interface Measured {
  workers: number;
  runs: Run[];
  rate: number;
  cpu: string;
}

const rateOf = (perSecond: number) => `${Math.round(perSecond).toLocaleString('en-US')} msg/s`;

export const scaleBench: Bench = {
  name: 'scale',
  async run(): Promise<BenchRow[]> {
    const services = await startBenchStack();
    const { postgres, redis, emulator, stack, cipher } = services;
    const dataSource = createDataSource({ url: postgres.url, poolSize: 4 });
    const postgresPid = postmasterPid(Number(new URL(postgres.url).port));
    const benchRedis = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queueRedis = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queues = new JobQueues(queueRedis);
    let workers: Spawned[] = [];
    try {
      await emulator.reset(MAILBOXES, MESSAGES_PER_MAILBOX);
      await dataSource.initialize();
      await runMigrations(dataSource);
      const { organisationId, profileId } = await connectedOrganisation(dataSource, 'Scale Co', emulator.url, cipher);
      const { mailboxIds } = await bulkMailboxes(dataSource, organisationId, profileId, MAILBOXES, { enabled: true });
      const upns = mailboxIds.map((_, i) => scaleUpn(i, MAILBOXES));
      const truth = await groundTruth(emulator, upns, mailboxIds);
      const expected = truth.messageIds.size;
      const signals = new RedisSyncSignals(benchRedis, queues);

      const measured: Measured[] = [];
      let synced = false;
      for (const count of WORKER_COUNTS) {
        workers = await startSyncWorkers(stack, count);
        const started = workers;
        /** CPU of the stack's parts while the runs ingest (not while they reset), summed over the runs. */
        const used: Record<string, number> = {};
        const runs: Run[] = [];
        for (let run = 1; run <= RUNS; run++) {
          if (synced) {
            await forgetFirstSync(dataSource, queues, emulator.url, organisationId);
          }
          await assertBeforeFirstSync(dataSource, emulator, organisationId);
          const meter = cpuMeter({
            emulator: () => cpuSeconds(emulator.pid),
            workers: () => started.reduce((total, w) => total + cpuSeconds(w.child.pid!), 0),
            Postgres: () => (postgresPid === null ? 0 : treeCpuSeconds(postgresPid)),
            Redis: () => cpuSeconds(redis.process.pid!),
            machine: () => machineCpu().busy,
          });
          const sync = await firstSync(
            dataSource,
            signals,
            organisationId,
            mailboxIds,
            expected,
            FIRST_SYNC_DEADLINE_MS,
          );
          for (const [part, seconds] of Object.entries(meter())) used[part] = (used[part] ?? 0) + seconds;
          synced = true;
          runs.push({
            ...sync,
            rate: sync.synced / sync.seconds,
            check: await exactlyOnce(dataSource, organisationId, truth),
          });
        }
        const cpu = cpuNote(
          used,
          runs.reduce((wall, r) => wall + r.seconds, 0),
        );
        measured.push({ workers: count, runs, rate: median(runs.map((r) => r.rate)), cpu });
        await waitSyncIdle(dataSource, queues, organisationId, 120_000);
        await Promise.all(workers.map((w) => w.stop()));
        workers = [];
      }

      const cores = availableParallelism();
      const single = measured[0]!;
      const everyRun = measured.flatMap((m) => m.runs);
      const processes = (n: number) => `${n} worker process${n === 1 ? '' : 'es'}`;
      const rows: BenchRow[] = measured.map((m) => ({
        figure: `first sync ${MAILBOXES} mailboxes × ${MESSAGES_PER_MAILBOX} messages, ${processes(m.workers)} (${cores} cores available): ingest rate`,
        value: m.rate,
        unit: 'msg/s',
        target: 'informative',
        pass: null,
        reference: { label: processes(1), value: single.rate },
        note:
          `median of ${RUNS} first syncs of ${expected.toLocaleString('en-US')} messages: ` +
          m.runs
            .map((r) => `${rateOf(r.rate)} (${r.finished ? '' : 'UNFINISHED, '}${r.seconds.toFixed(1)} s)`)
            .join(', ') +
          `; ${processes(m.workers)} × concurrency ${WORKER_CONCURRENCY}, pages of ${PAGE_SIZE}; ${m.cpu}`,
      }));
      rows.push({
        figure: `scale: every message ingested exactly once (${everyRun.length} first syncs)`,
        value: everyRun.reduce((sum, r) => sum + exactlyOnceFaults(r.check), 0),
        unit: '',
        target: '0 duplicated, 0 missing',
        pass: everyRun.every((r) => r.finished && exactlyOnceHolds(r.check)),
        note:
          `checked in Postgres against the emulator's ${expected.toLocaleString('en-US')} messages (Inbox + Sent Items) after each run,` +
          ` as ${EXACTLY_ONCE_COUNTS}: ` +
          measured
            .map((m) => `${processes(m.workers)} ${m.runs.map((r) => exactlyOnceCounts(r.check)).join(', ')}`)
            .join('; '),
      });
      return rows;
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await queues.close().catch(() => undefined);
      await Promise.all([benchRedis.quit(), queueRedis.quit()]).catch(() => undefined);
      if (dataSource.isInitialized) await dataSource.destroy();
      await services.stop();
    }
  },
};
