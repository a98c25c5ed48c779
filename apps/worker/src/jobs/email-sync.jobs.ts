import { dueMailboxes, EmailSendRunner, MailboxSyncRunner, stalledSends } from '@mailroom/domain';
import type { JobPayload } from '@mailroom/queues';
import type { JobContext, JobRun } from './job-context.ts';

/** One sync run of a mailbox: every synced folder, page by page, each page committed with its cursor. */
export async function mailboxSyncJob(payload: JobPayload<'mailbox-sync'>, context: JobContext): Promise<void> {
  await context.signals.dequeued(payload.mailboxId);
  const runner = new MailboxSyncRunner(
    context.dataSource,
    context.cipher,
    context.exchange,
    context.events,
    context.signals,
    {
      pageSize: context.sync.pageSize,
      leaseMs: context.sync.leaseMs,
      notifications: context.sync.notifications,
      onWarning: (message) => context.logger.warn(message),
    },
  );
  const result = await runner.run(payload.mailboxId);
  context.logger.debug({ mailboxId: payload.mailboxId, result }, 'mailbox sync finished');
}

/** Sends one email through its owner's mailbox, exactly once. */
export async function emailSendJob(payload: JobPayload<'email-send'>, context: JobContext, run: JobRun): Promise<void> {
  const runner = new EmailSendRunner(
    context.dataSource,
    context.cipher,
    context.exchange,
    context.events,
    context.sendThrottle,
  );
  await runner.run(payload.emailId, run.finalAttempt);
}

/** The safety net: polling at each profile's interval, crashed syncs and stalled sends taken back. */
export async function syncSweepJob(_payload: JobPayload<'sync-sweep'>, context: JobContext): Promise<void> {
  const due = await dueMailboxes(context.dataSource, context.sync.leaseMs, context.sync.sweepMs);
  await context.signals.wake(due);
  const stalled = await stalledSends(context.dataSource);
  if (stalled.length > 0) {
    context.logger.info({ count: stalled.length }, 're-enqueuing stalled sends');
    await context.queues.enqueueMany(
      'email-send',
      stalled.map((emailId) => ({ emailId })),
    );
  }
}
