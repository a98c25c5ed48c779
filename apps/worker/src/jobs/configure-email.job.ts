import { ConfigureEmailRunner } from '@mailroom/domain';
import { mailboxTestJobs, type JobPayload } from '@mailroom/queues';
import type { JobContext } from './job-context.ts';

/**
 * Configure email in the background: profile, channel defaults, mailboxes, the auto-approval
 * report, then one mailbox-test job per eligible mailbox (items of the same job).
 */
export async function configureEmailJob(payload: JobPayload<'configure-email'>, context: JobContext): Promise<void> {
  const { mailboxIdsToTest } = await new ConfigureEmailRunner(context.dataSource, context.events).run(payload.jobId);
  await context.queues.enqueueMany('mailbox-test', mailboxTestJobs(payload.jobId, mailboxIdsToTest, true));
  context.logger.info(
    { jobId: payload.jobId, toTest: mailboxIdsToTest.length },
    'email configured; testing eligible mailboxes',
  );
}
