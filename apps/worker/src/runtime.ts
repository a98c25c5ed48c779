import { hostname } from 'node:os';
import { createDataSource, DeferJob, isInfrastructureUnavailable, SecretCipher } from '@mailroom/domain';
import { createExchangeGateways } from '@mailroom/graph-adapter';
import {
  createRedisConnection,
  JobQueues,
  QUEUE_PREFIX,
  QUEUES,
  RedisGraphHolds,
  RedisSendThrottle,
  RedisSyncHealthCounters,
  RedisSyncSignals,
  redisSettingsOf,
  type QueueName,
} from '@mailroom/queues';
import { inJobSpan } from '@mailroom/observability';
import { DelayedError, UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import type { WorkerConfig } from './config.ts';
import { redisPublisher } from './events.ts';
import { workerMetrics } from './metrics.ts';
import { assertRegistryComplete, runJob } from './registry.ts';

export interface WorkerRuntime {
  id: string;
  /** Where `GET /metrics` and `GET /healthz` answer. */
  metricsPort: number;
  /** Stops taking jobs, waits for the running ones, then closes connections. */
  stop(): Promise<void>;
}

export async function startWorkerRuntime(config: WorkerConfig, logger: Logger): Promise<WorkerRuntime> {
  assertRegistryComplete();
  const id = `${hostname()}:${process.pid}`;
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'mailroom-worker',
  });
  await dataSource.initialize();
  const redisSettings = redisSettingsOf(config);
  const redis = createRedisConnection(redisSettings, { connectionName: 'mailroom-worker' });
  redis.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'));
  const queues = new JobQueues(createRedisConnection(redisSettings, { connectionName: 'mailroom-worker-queues' }));
  const metrics = workerMetrics(() => queues.counts());
  // Failed syncs and 429s per organisation for the sync-health dashboard: counted in memory and
  // written every few seconds, so the poll path makes no extra round trip.
  const health = new RedisSyncHealthCounters(redis, {
    onError: (error) =>
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'sync health counts lost'),
  });
  const publicApi = config.PUBLIC_API_URL?.replace(/\/+$/, '');
  const context = {
    dataSource,
    events: redisPublisher(redis),
    logger,
    queues,
    exchange: createExchangeGateways({
      logger,
      sharedHolds: new RedisGraphHolds(redis),
      onRequest: metrics.onGraphRequest,
      onThrottled: (organisationId) => health.count(organisationId, 'throttled'),
    }),
    cipher: new SecretCipher(config.MAILROOM_SECRET_KEY),
    signals: new RedisSyncSignals(redis, queues),
    sendThrottle: new RedisSendThrottle(redis),
    health,
    send: {
      sentItemsGraceMs: config.SEND_SENT_ITEMS_GRACE_SECONDS * 1000,
      stalledMs: config.SEND_STALLED_SECONDS * 1000,
    },
    sync: {
      pageSize: config.SYNC_PAGE_SIZE,
      leaseMs: config.SYNC_LEASE_SECONDS * 1000,
      sweepMs: config.SYNC_SWEEP_SECONDS * 1000,
      calendar: { daysBack: config.ACT_CALENDAR_DAYS_BACK, daysAhead: config.ACT_CALENDAR_DAYS_AHEAD },
      notifications: publicApi
        ? { notificationUrl: `${publicApi}/graph/notifications`, lifecycleUrl: `${publicApi}/graph/lifecycle` }
        : null,
    },
  };

  const workers = config.WORKER_QUEUES.map((queue) => {
    const worker = new Worker(
      queue as QueueName,
      async (job, token) => {
        const log = logger.child({ queue, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 });
        const finished = metrics.jobStarted(queue, job.name);
        try {
          const attempts = job.opts.attempts ?? 1;
          await inJobSpan(
            { queue, name: job.name, id: job.id, attempt: job.attemptsMade + 1 },
            () =>
              runJob(
                job.name,
                job.data,
                { ...context, logger: log },
                {
                  workerId: id,
                  attempt: job.attemptsMade + 1,
                  finalAttempt: job.attemptsMade + 1 >= attempts,
                },
              ),
            (error) => !(error instanceof DeferJob),
          );
          finished('completed');
        } catch (error) {
          finished(error instanceof DeferJob ? 'deferred' : 'failed');
          // Waiting for a rate limit is not a failed attempt.
          if (error instanceof DeferJob && token) {
            await job.moveToDelayed(Date.now() + error.delayMs, token);
            throw new DelayedError();
          }
          // A payload that fails validation will fail the same way on every retry.
          if (error instanceof ZodError) throw new UnrecoverableError(`Invalid payload: ${error.message}`);
          throw error;
        }
      },
      {
        connection: createRedisConnection(redisSettings, { connectionName: `mailroom-worker-${queue}` }),
        prefix: QUEUE_PREFIX,
        concurrency: config.WORKER_CONCURRENCY,
        autorun: true,
      },
    );
    worker.on('failed', (job, error) =>
      logger.warn({ queue, job: job?.name, jobId: job?.id, err: error.message }, 'job failed'),
    );
    worker.on('error', (error) => {
      // Redis restarting or failing over: BullMQ reconnects by itself; a warning, not an error.
      if (isInfrastructureUnavailable(error)) logger.warn({ queue, err: error.message }, 'queue connection lost');
      else logger.error({ queue, err: error.message }, 'worker error');
    });
    return worker;
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  const metricsPort = await metrics.listen(config.WORKER_METRICS_PORT);
  if (config.WORKER_QUEUES.includes(QUEUES.maintenance)) {
    await queues.schedule('sync-sweep', {}, config.SYNC_SWEEP_SECONDS * 1000);
  }
  logger.info(
    { id, queues: config.WORKER_QUEUES, concurrency: config.WORKER_CONCURRENCY, metricsPort },
    'worker ready',
  );

  return {
    id,
    metricsPort,
    async stop() {
      await Promise.all(workers.map((w) => w.close()));
      await metrics.close();
      await health.close();
      await queues.close();
      await redis.quit().catch(() => undefined);
      await dataSource.destroy();
    },
  };
}
