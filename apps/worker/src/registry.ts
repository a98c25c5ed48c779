import { finishJobItem, JobProgress, TOPICS } from '@mailroom/domain';
import { JOB_PAYLOADS, QUEUE_OF, type JobName, type JobPayload, type QueueName } from '@mailroom/queues';
import { configureEmailJob } from './jobs/configure-email.job.ts';
import { directoryImportJob } from './jobs/directory-import.job.ts';
import { actSyncJob, emailSendJob, mailboxSyncJob, syncSweepJob } from './jobs/email-sync.jobs.ts';
import { heartbeatJob } from './jobs/heartbeat.job.ts';
import type { JobContext, JobRun } from './jobs/job-context.ts';
import { mailboxTestJob } from './jobs/mailbox-test.job.ts';

export type Processor<N extends JobName> = (payload: JobPayload<N>, context: JobContext, run: JobRun) => Promise<void>;

/** Every job the worker runs. The type demands a processor for each job name of the contract. */
export const PROCESSORS: { [N in JobName]: Processor<N> } = {
  heartbeat: heartbeatJob,
  'configure-email': configureEmailJob,
  'directory-import': directoryImportJob,
  'mailbox-test': mailboxTestJob,
  'mailbox-sync': mailboxSyncJob,
  'act-sync': actSyncJob,
  'email-send': emailSendJob,
  'sync-sweep': syncSweepJob,
};

/** Refuses to start when a job of the contract has no processor (or the registry names an unknown one). */
export function assertRegistryComplete(processors: Record<string, unknown> = PROCESSORS): void {
  const contract = Object.keys(JOB_PAYLOADS).sort();
  const registered = Object.keys(processors).sort();
  const missing = contract.filter((name) => !registered.includes(name));
  const unknown = registered.filter((name) => !contract.includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(
      `Worker job registry is incomplete: ${[
        missing.length ? `no processor for ${missing.join(', ')}` : '',
        unknown.length ? `unknown job ${unknown.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')}.`,
    );
  }
}

export function jobsOfQueue(queue: QueueName): JobName[] {
  return (Object.keys(QUEUE_OF) as JobName[]).filter((name) => QUEUE_OF[name] === queue);
}

type GiveUp<N extends JobName> = (payload: JobPayload<N>, context: JobContext) => Promise<void>;

const GAVE_UP = 'Mailroom could not finish this after several attempts (see the worker log); run it again.';

async function publishJob(context: JobContext, jobId: string): Promise<void> {
  const rows: { organisationId: string }[] = await context.dataSource.query(
    'SELECT "organisationId" FROM job WHERE id = $1',
    [jobId],
  );
  if (rows[0])
    await context.events.publish(TOPICS.JOB_PROGRESS, jobId, { jobId, organisationId: rows[0].organisationId });
}

async function failWholeJob(payload: { jobId: string }, context: JobContext): Promise<void> {
  await new JobProgress(context.dataSource.manager).fail(payload.jobId, GAVE_UP, 'GAVE_UP');
  await publishJob(context, payload.jobId);
}

/** What a job leaves behind when its last attempt fails, so users never watch a job that cannot end. */
const GIVE_UP: { [N in JobName]?: GiveUp<N> } = {
  'configure-email': failWholeJob,
  'directory-import': failWholeJob,
  'mailbox-test': async (payload, context) => {
    let counted = false;
    await context.dataSource.transaction(async (manager) => {
      for (const mailboxId of payload.mailboxIds) {
        counted =
          (await finishJobItem(manager, payload.jobId, mailboxId, 'FAILED', {
            outcome: 'GAVE_UP',
            message: GAVE_UP,
          })) || counted;
      }
    });
    if (counted) await publishJob(context, payload.jobId);
  },
};

/** Validates the payload against the contract, then runs the job's processor. */
export async function runJob(name: string, data: unknown, context: JobContext, run: JobRun): Promise<void> {
  if (!(name in PROCESSORS)) throw new Error(`No processor for job "${name}"`);
  const jobName = name as JobName;
  const payload = JOB_PAYLOADS[jobName].parse(data);
  try {
    await (PROCESSORS[jobName] as Processor<typeof jobName>)(payload, context, run);
  } catch (error) {
    const giveUp = GIVE_UP[jobName] as GiveUp<typeof jobName> | undefined;
    if (run.finalAttempt && giveUp) {
      await giveUp(payload, context).catch((cleanup: unknown) =>
        context.logger.error(
          { err: cleanup instanceof Error ? cleanup.message : String(cleanup) },
          'could not record the failure',
        ),
      );
    }
    throw error;
  }
}
