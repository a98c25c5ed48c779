import { JOB_PAYLOADS, QUEUE_OF, type JobName, type JobPayload, type QueueName } from '@mailroom/domain';
import { heartbeatJob } from './jobs/heartbeat.job.ts';
import type { JobContext } from './jobs/job-context.ts';

export type Processor<N extends JobName> = (
  payload: JobPayload<N>,
  context: JobContext,
  workerId: string,
) => Promise<void>;

/** Every job the worker runs. The type demands a processor for each job name of the contract. */
export const PROCESSORS: { [N in JobName]: Processor<N> } = {
  heartbeat: heartbeatJob,
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

/** Validates the payload against the contract, then runs the job's processor. */
export async function runJob(name: string, data: unknown, context: JobContext, workerId: string): Promise<void> {
  if (!(name in PROCESSORS)) throw new Error(`No processor for job "${name}"`);
  const jobName = name as JobName;
  const payload = JOB_PAYLOADS[jobName].parse(data);
  await (PROCESSORS[jobName] as Processor<typeof jobName>)(payload, context, workerId);
}
