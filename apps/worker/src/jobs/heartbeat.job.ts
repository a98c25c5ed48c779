import { JobProgress, TOPICS } from '@mailroom/domain';
import type { JobPayload } from '@mailroom/queues';
import type { JobContext, JobRun } from './job-context.ts';

/**
 * Proves the pipeline API → Redis → worker → Postgres → subscription: marks the job running,
 * then completed, recording which worker ran it, and publishes each step.
 */
export async function heartbeatJob(payload: JobPayload<'heartbeat'>, context: JobContext, run: JobRun): Promise<void> {
  const progress = new JobProgress(context.dataSource.manager);
  const existing = await progress.find(payload.jobId);
  if (!existing) {
    context.logger.warn({ jobId: payload.jobId }, 'heartbeat job row is gone; nothing to do');
    return;
  }
  if (existing.status === 'COMPLETED') return;
  const publish = () =>
    context.events.publish(TOPICS.JOB_PROGRESS, payload.jobId, {
      jobId: payload.jobId,
      organisationId: existing.organisationId,
    });
  await progress.start(payload.jobId, 1);
  await publish();
  await progress.advance(payload.jobId, 1, 0);
  await progress.finish(payload.jobId, { worker: run.workerId, pid: process.pid });
  await publish();
}
