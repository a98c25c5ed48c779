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
  /** Mailbox tests (Approve and test, Test and enable, Configure email's auto-approval). */
  tests: 'tests',
  /** Mailbox syncs (incoming email; appointments, contacts and tasks). */
  sync: 'sync',
  /** Outgoing email, one job per email. */
  send: 'send',
  /** The periodic sweep (polling, crashed syncs, stalled sends): never queued behind a sync backlog. */
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOB_PAYLOADS = {
  heartbeat: z.object({ jobId: z.uuid() }),
  'configure-email': z.object({ jobId: z.uuid() }),
  'directory-import': z.object({ jobId: z.uuid() }),
  /**
   * A group of mailboxes of a bulk test job (at most MAILBOX_TEST_GROUP), tested side by side and
   * written together; `approve` for Approve and test (and Configure email).
   */
  'mailbox-test': z.object({ jobId: z.uuid(), mailboxIds: z.array(z.uuid()).min(1).max(100), approve: z.boolean() }),
  /** One sync run of a mailbox; `wakeId` tells wake-ups apart (deduplication happens before enqueuing). */
  'mailbox-sync': z.object({ mailboxId: z.uuid(), wakeId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) }),
  /**
   * One ACT sync run of a mailbox (appointments, contacts, tasks). `retryIfBusy`: a change made in
   * the CRM waits for a run in progress rather than for the next poll.
   */
  'act-sync': z.object({
    mailboxId: z.uuid(),
    wakeId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
    retryIfBusy: z.boolean(),
  }),
  /** Sends one Pending send email. */
  'email-send': z.object({ emailId: z.uuid() }),
  /** Periodic: wakes mailboxes due for polling, takes back crashed syncs and stalled sends. */
  'sync-sweep': z.object({}),
} as const;
export type JobName = keyof typeof JOB_PAYLOADS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_PAYLOADS)[N]>;

/** Which queue each job runs on. */
export const QUEUE_OF: Record<JobName, QueueName> = {
  heartbeat: QUEUES.admin,
  'configure-email': QUEUES.admin,
  'directory-import': QUEUES.admin,
  'mailbox-test': QUEUES.tests,
  'mailbox-sync': QUEUES.sync,
  'act-sync': QUEUES.sync,
  'email-send': QUEUES.send,
  'sync-sweep': QUEUES.maintenance,
};

/** Deterministic BullMQ job ids (BullMQ forbids ":" in them): the same work enqueued twice is one job. */
export const JOB_IDS = {
  heartbeat: (p: JobPayload<'heartbeat'>) => `heartbeat.${p.jobId}`,
  'configure-email': (p: JobPayload<'configure-email'>) => `configure-email.${p.jobId}`,
  'directory-import': (p: JobPayload<'directory-import'>) => `directory-import.${p.jobId}`,
  'mailbox-test': (p: JobPayload<'mailbox-test'>) => `mailbox-test.${p.jobId}.${p.mailboxIds[0]}`,
  'mailbox-sync': (p: JobPayload<'mailbox-sync'>) => `mailbox-sync.${p.mailboxId}.${p.wakeId}`,
  'act-sync': (p: JobPayload<'act-sync'>) => `act-sync.${p.mailboxId}.${p.wakeId}`,
  'email-send': (p: JobPayload<'email-send'>) => `email-send.${p.emailId}`,
  'sync-sweep': () => 'sync-sweep',
} satisfies { [N in JobName]: (payload: JobPayload<N>) => string };

/** Mailboxes per mailbox-test job: enough to write results in bulk, few enough to spread over workers. */
export const MAILBOX_TEST_GROUP = 50;

/** The mailbox-test jobs for a bulk test: the mailboxes in groups, in the order given. */
export function mailboxTestJobs(
  jobId: string,
  mailboxIds: readonly string[],
  approve: boolean,
): JobPayload<'mailbox-test'>[] {
  const jobs: JobPayload<'mailbox-test'>[] = [];
  for (let start = 0; start < mailboxIds.length; start += MAILBOX_TEST_GROUP) {
    jobs.push({ jobId, mailboxIds: mailboxIds.slice(start, start + MAILBOX_TEST_GROUP), approve });
  }
  return jobs;
}
