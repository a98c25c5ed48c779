import {
  JOB_PAYLOADS,
  QUEUE_OF,
  QUEUE_PREFIX,
  QUEUES,
  type JobName,
  type JobPayload,
  type QueueName,
} from '@mailroom/domain';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** Producer side of the worker queues. */
export class JobQueues {
  private readonly queues: Map<QueueName, Queue>;

  constructor(connection: Redis) {
    this.queues = new Map(
      Object.values(QUEUES).map((name) => [name, new Queue(name, { connection, prefix: QUEUE_PREFIX })]),
    );
  }

  /**
   * Enqueues a job. `jobId` is deterministic (e.g. the Job row's id), so enqueuing the same work
   * twice is a no-op in BullMQ.
   */
  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, jobId: string): Promise<void> {
    const queue = this.queues.get(QUEUE_OF[name]);
    if (!queue) throw new Error(`No queue for job ${name}`);
    await queue.add(name, JOB_PAYLOADS[name].parse(payload), {
      jobId,
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 24 * 3600 },
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
