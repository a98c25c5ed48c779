import { Queue, type JobsOptions } from 'bullmq';
import type { RedisConnection } from './redis-connection.ts';
import {
  JOB_IDS,
  JOB_PAYLOADS,
  QUEUE_OF,
  QUEUE_PREFIX,
  QUEUES,
  type JobName,
  type JobPayload,
  type QueueName,
} from './queue-contracts.ts';

const DEFAULTS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 24 * 3600 },
};

/**
 * Jobs whose outcome lives in Postgres are removed when done, so the same id can be enqueued
 * again (a stalled send re-enqueued by the sweeper). A sync records its own failures and back-off
 * on the mailbox, so BullMQ does not retry it.
 */
const OPTIONS: { [N in JobName]?: JobsOptions } = {
  'mailbox-sync': { attempts: 1, removeOnComplete: true, removeOnFail: true },
  'act-sync': { attempts: 1, removeOnComplete: true, removeOnFail: true },
  'email-send': {
    attempts: 6,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: true,
    removeOnFail: true,
  },
  'sync-sweep': { attempts: 1, removeOnComplete: true, removeOnFail: true },
};

const optionsOf = (name: JobName): JobsOptions => ({ ...DEFAULTS, ...OPTIONS[name] });

/** Producer side of the worker queues (used by the API and by jobs that fan out). */
export class JobQueues {
  private readonly queues: Map<QueueName, Queue>;

  constructor(connection: RedisConnection) {
    this.queues = new Map(
      Object.values(QUEUES).map((name) => [name, new Queue(name, { connection, prefix: QUEUE_PREFIX })]),
    );
  }

  private queueOf(name: JobName): Queue {
    const queue = this.queues.get(QUEUE_OF[name]);
    if (!queue) throw new Error(`No queue for job ${name}`);
    return queue;
  }

  /** Enqueues a job with its deterministic id: enqueuing the same work twice is a no-op. */
  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>): Promise<void> {
    const data = JOB_PAYLOADS[name].parse(payload) as JobPayload<N>;
    await this.queueOf(name).add(name, data, {
      ...optionsOf(name),
      jobId: (JOB_IDS[name] as (p: JobPayload<N>) => string)(data),
    });
  }

  /** Enqueues many jobs of one kind in batches (one round trip per batch). */
  async enqueueMany<N extends JobName>(name: N, payloads: readonly JobPayload<N>[], batchSize = 1000): Promise<void> {
    const queue = this.queueOf(name);
    const idOf = JOB_IDS[name] as (p: JobPayload<N>) => string;
    for (let start = 0; start < payloads.length; start += batchSize) {
      const batch = payloads.slice(start, start + batchSize).map((payload) => {
        const data = JOB_PAYLOADS[name].parse(payload) as JobPayload<N>;
        return { name, data, opts: { ...optionsOf(name), jobId: idOf(data) } };
      });
      await queue.addBulk(batch);
    }
  }

  /** Runs `name` every `everyMs` (one schedule cluster-wide, however many processes call this). */
  async schedule<N extends JobName>(name: N, payload: JobPayload<N>, everyMs: number): Promise<void> {
    const data = JOB_PAYLOADS[name].parse(payload) as JobPayload<N>;
    await this.queueOf(name).upsertJobScheduler(name, { every: everyMs }, { name, data, opts: { ...optionsOf(name) } });
  }

  /** The queues themselves, for the operators' queue board (bull-board) over the same connection. */
  get all(): readonly Queue[] {
    return [...this.queues.values()];
  }

  /** Jobs per queue and state (for metrics and the operators' dashboards). */
  async counts(): Promise<Record<string, Record<string, number>>> {
    const entries = await Promise.all(
      [...this.queues].map(
        async ([name, queue]) =>
          [name, await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed')] as const,
      ),
    );
    return Object.fromEntries(entries);
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
