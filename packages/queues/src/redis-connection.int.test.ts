import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../tooling/free-port.ts';
import { startRedisServer, type RunningRedis } from '../../../tooling/redis-server.ts';
import { JobQueues } from './job-queues.ts';
import { QUEUE_PREFIX, QUEUES } from './queue-contracts.ts';
import { createRedisConnection, type RedisConnection } from './redis-connection.ts';
import type { RedisSettings } from './redis-settings.ts';
import { RedisSyncSignals } from './sync-signals.ts';

// Each describe runs its own redis-servers (not the run's shared one), so the real queue names
// can be used without another test file's workers taking the jobs.
let dir: string;
const servers: RunningRedis[] = [];
const opened: { close(): Promise<unknown> }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailroom-redis-topologies-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((resource) => resource.close().catch(() => undefined)));
});
afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
  await rm(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startRedisServer>[0]): Promise<RunningRedis> {
  const server = await startRedisServer(options);
  servers.push(server);
  return server;
}

function connect(settings: RedisSettings, connectionName: string): RedisConnection {
  const connection = createRedisConnection(settings, { connectionName });
  // Failovers and teardown drop connections; the apps log these, the test has nothing to add.
  connection.on('error', () => undefined);
  opened.push({ close: () => connection.quit() });
  return connection;
}

/** A worker on `queue` through a connection of the factory; resolves each job's data as it completes. */
function collect(settings: RedisSettings, queue: string) {
  const seen: Job[] = [];
  const worker = new Worker(
    queue,
    async (job) => {
      seen.push(job);
    },
    { connection: connect(settings, `test-worker-${queue}`), prefix: QUEUE_PREFIX },
  );
  opened.push(worker);
  return { worker, seen };
}

/** A message published on `channel` through one factory connection, received through another. */
async function pubSubRoundTrip(settings: RedisSettings) {
  const subscriber = connect(settings, 'test-subscriber');
  const publisher = connect(settings, 'test-publisher');
  const channel = `timeline-changed:${randomUUID()}`;
  const received = new Promise<string>((resolve) =>
    subscriber.on('message', (from: string, message: string) => from === channel && resolve(message)),
  );
  await subscriber.subscribe(channel);
  await publisher.publish(channel, '{"id":"42"}');
  return received;
}

/** Waits for a condition outside a test (expect.poll is for tests only). */
async function until(condition: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Redis did not get ready in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Redis behind Sentinel', () => {
  let primary: RunningRedis;
  let replica: RunningRedis;
  let sentinelPort: number;
  let settings: RedisSettings;

  beforeAll(async () => {
    primary = await start({ port: await freePort() });
    const primaryPort = Number(new URL(primary.url).port);
    replica = await start({ port: await freePort(), args: ['--replicaof', '127.0.0.1', String(primaryPort)] });
    sentinelPort = await freePort();
    const configFile = join(dir, 'sentinel.conf');
    await writeFile(
      configFile,
      [
        `sentinel monitor mailroom-test 127.0.0.1 ${primaryPort} 1`,
        'sentinel down-after-milliseconds mailroom-test 1000',
        'sentinel failover-timeout mailroom-test 10000',
        '',
      ].join('\n'),
    );
    await start({ port: sentinelPort, configFile, args: ['--sentinel'] });
    // REDIS_URL's host is a port nothing listens on: only asking the Sentinel finds Redis.
    settings = {
      url: 'redis://127.0.0.1:1/0',
      sentinel: { nodes: [{ host: '127.0.0.1', port: sentinelPort }], masterName: 'mailroom-test' },
    };
  });

  it('carries a BullMQ job from queue to worker and a pub/sub message, and follows a failover', async () => {
    const { seen } = collect(settings, QUEUES.admin);
    const queues = new JobQueues(connect(settings, 'test-queues'));
    opened.push(queues);
    const first = randomUUID();
    await queues.enqueue('heartbeat', { jobId: first });
    await expect.poll(() => seen.map((job) => job.data.jobId)).toEqual([first]);
    expect(await pubSubRoundTrip(settings)).toBe('{"id":"42"}');
    // The job really went through the master the Sentinel names.
    const direct = new Redis(primary.url);
    expect(await direct.keys(`${QUEUE_PREFIX}:${QUEUES.admin}:*`)).not.toHaveLength(0);
    direct.disconnect();

    const sentinel = new Redis({ host: '127.0.0.1', port: sentinelPort });
    await expect
      .poll(async () => ((await sentinel.call('SENTINEL', 'replicas', 'mailroom-test')) as unknown[]).length, {
        timeout: 15_000,
      })
      .toBe(1);
    await sentinel.call('SENTINEL', 'failover', 'mailroom-test');
    const replicaPort = new URL(replica.url).port;
    await expect
      .poll(
        async () => ((await sentinel.call('SENTINEL', 'get-master-addr-by-name', 'mailroom-test')) as string[])[1],
        {
          timeout: 20_000,
        },
      )
      .toBe(replicaPort);
    sentinel.disconnect();

    // The same connections, without a restart, move to the promoted replica (Sentinel's +switch-master).
    const promoted = new Redis(replica.url);
    const namesOnPromoted = async () =>
      String(await promoted.call('CLIENT', 'LIST'))
        .split('\n')
        .map((line) => /\bname=(\S+)/.exec(line)?.[1])
        .filter(Boolean);
    await expect
      .poll(namesOnPromoted, { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['test-queues', `test-worker-${QUEUES.admin}`]));
    const second = randomUUID();
    await queues.enqueue('heartbeat', { jobId: second });
    await expect.poll(() => seen.map((job) => job.data.jobId), { timeout: 20_000 }).toEqual([first, second]);
    expect(await promoted.exists(`${QUEUE_PREFIX}:${QUEUES.admin}:heartbeat.${second}`)).toBe(1);
    promoted.disconnect();
  });
});

describe('Redis Cluster of three masters', () => {
  let settings: RedisSettings;

  beforeAll(async () => {
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    for (const port of ports) {
      await start({
        port,
        args: ['--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`)],
      });
    }
    const created = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed:\n${created.stdout}${created.stderr}`);
    for (const port of ports) {
      const node = new Redis({ host: '127.0.0.1', port });
      await until(async () => /cluster_state:ok/.test(String(await node.call('CLUSTER', 'INFO'))));
      node.disconnect();
    }
    // One node is enough: the client discovers the others.
    settings = { url: 'redis://127.0.0.1:1', clusterNodes: [{ host: '127.0.0.1', port: ports[1]! }] };
  });

  it('carries BullMQ jobs and wake-ups (scripts and pipelines on the {mailroom} slot) and pub/sub', async () => {
    const admin = collect(settings, QUEUES.admin);
    const sync = collect(settings, QUEUES.sync);
    const connection = connect(settings, 'test-queues');
    const queues = new JobQueues(connection);
    opened.push(queues);
    const jobId = randomUUID();
    await queues.enqueue('heartbeat', { jobId });
    await expect.poll(() => admin.seen.map((job) => job.data.jobId)).toEqual([jobId]);

    const mailboxes = [randomUUID(), randomUUID(), randomUUID()];
    await new RedisSyncSignals(connection, queues).wake(mailboxes);
    await expect.poll(() => sync.seen.map((job) => job.data.mailboxId as string).sort()).toEqual([...mailboxes].sort());
    expect(await pubSubRoundTrip(settings)).toBe('{"id":"42"}');
  });
});
