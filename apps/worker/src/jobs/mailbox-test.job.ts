import { markJobRunning, MailboxTestRunner, TOPICS } from '@mailroom/domain';
import type { JobPayload } from '@mailroom/queues';
import type { JobContext, JobRun } from './job-context.ts';

/**
 * A group of mailboxes of Approve and test / Test and enable. When Exchange is busy for some of
 * them the runner records the others and throws RetryLater; BullMQ retries with back-off and only
 * the mailboxes still pending are tested again. The last attempt records the failures instead.
 */
export async function mailboxTestJob(
  payload: JobPayload<'mailbox-test'>,
  context: JobContext,
  run: JobRun,
): Promise<void> {
  if (await markJobRunning(context.dataSource, payload.jobId)) {
    const job = await context.dataSource.query('SELECT "organisationId" FROM job WHERE id = $1', [payload.jobId]);
    const organisationId = (job as { organisationId: string }[])[0]?.organisationId;
    if (organisationId)
      await context.events.publish(TOPICS.JOB_PROGRESS, payload.jobId, { jobId: payload.jobId, organisationId });
  }
  const runner = new MailboxTestRunner(context.dataSource, context.cipher, context.exchange, context.events);
  try {
    await runner.run(payload.jobId, payload.mailboxIds, payload.approve, run.finalAttempt);
  } finally {
    // Mailboxes the test enabled start syncing (and get their change subscription) now rather than
    // at the next sweep; a sync of one that is not enabled does nothing.
    await context.signals.wake(payload.mailboxIds);
  }
}
