import { hostname } from 'node:os';
import { createDataSource, DeferJob, isInfrastructureUnavailable, SecretCipher } from '@mailroom/domain';
import { createExchangeGateways } from '@mailroom/graph-adapter';
import {
  JobQueues,
  QUEUE_PREFIX,
  QUEUES,
  RedisGraphHolds,
  RedisSendThrottle,
  RedisSyncSignals,
  type QueueName,
} from '@mailroom/queues';
import { DelayedError, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
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
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  redis.on('error', (error) => logger.warn({ err: error.message }, 'redis connection error'));
  const queues = new JobQueues(new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }));
  const metrics = workerMetrics(() => queues.counts());
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
    }),
    cipher: new SecretCipher(config.MAILROOM_SECRET_KEY),
    signals: new RedisSyncSignals(redis, queues),
    sendThrottle: new RedisSendThrottle(redis),
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
          await runJob(
            job.name,
            job.data,
            { ...context, logger: log },
            {
              workerId: id,
              attempt: job.attemptsMade + 1,
              finalAttempt: job.attemptsMade + 1 >= attempts,
            },
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
        connection: new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }),
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
      await queues.close();
      await redis.quit().catch(() => undefined);
      await dataSource.destroy();
    },
  };
}
