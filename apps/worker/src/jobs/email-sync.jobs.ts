import {
  ActSyncRunner,
  DeferJob,
  dueActMailboxes,
  dueMailboxes,
  EmailSendRunner,
  MailboxSyncRunner,
  stalledSends,
} from '@mailroom/domain';
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

/** One ACT sync run: the calendar and To Do, both ways. */
export async function actSyncJob(payload: JobPayload<'act-sync'>, context: JobContext): Promise<void> {
  const runner = new ActSyncRunner(context.dataSource, context.cipher, context.exchange, context.events, {
    pageSize: context.sync.pageSize,
    leaseMs: context.sync.leaseMs,
    calendar: context.sync.calendar,
    onWarning: (message) => context.logger.warn(message),
  });
  const result = await runner.run(payload.mailboxId);
  // A CRM change made while a run was under way may have been read before it: run again after it.
  if (result === 'BUSY' && payload.retryIfBusy) throw new DeferJob(2_000);
  context.logger.debug({ mailboxId: payload.mailboxId, result, ...runner.lastCounts }, 'ACT sync finished');
}

/** Sends one email through its owner's mailbox, exactly once. */
export async function emailSendJob(payload: JobPayload<'email-send'>, context: JobContext, run: JobRun): Promise<void> {
  const runner = new EmailSendRunner(
    context.dataSource,
    context.cipher,
    context.exchange,
    context.events,
    context.sendThrottle,
    { sentItemsGraceMs: context.send.sentItemsGraceMs },
  );
  await runner.run(payload.emailId, run.finalAttempt);
}

/** The safety net: polling at each profile's interval (email and ACT), crashed syncs and stalled sends taken back. */
export async function syncSweepJob(_payload: JobPayload<'sync-sweep'>, context: JobContext): Promise<void> {
  const due = await dueMailboxes(context.dataSource, context.sync.leaseMs, context.sync.sweepMs);
  await context.signals.wake(due);
  const actDue = await dueActMailboxes(context.dataSource, context.sync.leaseMs);
  if (actDue.length > 0) {
    const wakeId = `poll${Date.now()}`;
    await context.queues.enqueueMany(
      'act-sync',
      actDue.map((mailboxId) => ({ mailboxId, wakeId, retryIfBusy: false })),
    );
  }
  const stalled = await stalledSends(context.dataSource, context.send.stalledMs);
  if (stalled.length > 0) {
    context.logger.info({ count: stalled.length }, 're-enqueuing stalled sends');
    await context.queues.enqueueMany(
      'email-send',
      stalled.map((emailId) => ({ emailId })),
    );
  }
}
