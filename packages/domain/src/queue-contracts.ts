import { z } from 'zod';

/**
 * The contract between producers (API) and the worker: queue names, job names and their
 * payloads. Payloads carry ids only, never data or secrets; the worker validates them with these
 * schemas before doing any work.
 */
export const QUEUE_PREFIX = '{mailroom}'; // hash tag: all keys of a queue on one Redis Cluster slot

export const QUEUES = {
  /** Bulk administrative jobs: heartbeat, configure email, approve and test, directory import. */
  admin: 'admin',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOB_PAYLOADS = {
  heartbeat: z.object({ jobId: z.uuid() }),
} as const;
export type JobName = keyof typeof JOB_PAYLOADS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_PAYLOADS)[N]>;

/** Which queue each job runs on. */
export const QUEUE_OF: Record<JobName, QueueName> = {
  heartbeat: QUEUES.admin,
};
