import {
  ActSyncRunner,
  DeferJob,
  dueActMailboxes,
  dueMailboxes,
  EmailSendRunner,
  MailboxSyncRunner,
  organisationOfMailbox,
  stalledSends,
} from '@mailroom/domain';
import type { JobPayload } from '@mailroom/queues';
import type { JobContext, JobRun } from './job-context.ts';

/** One sync run of a mailbox: every synced folder, page by page, each page committed with its cursor. */
export async function mailboxSyncJob(
  payload: JobPayload<'mailbox-sync'>,
  context: JobContext,
  run: JobRun,
): Promise<void> {
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
      // Two lines per run, ids only: which worker held which mailbox when (e2e/scale-out checks
      // from them that no mailbox is ever synced by two workers at once).
      onRun: (record) => context.logger.debug({ ...record, workerId: run.workerId }, 'mailbox sync run'),
    },
  );
  if ((await runner.run(payload.mailboxId)) === 'FAILED') await countFailure(payload.mailboxId, context);
}

/**
 * Counts a failed sync for the sync-health dashboard. Failures are rare, so only they pay for the
 * lookup; a lost count must never fail the job.
 */
async function countFailure(mailboxId: string, context: JobContext): Promise<void> {
  const organisationId = await organisationOfMailbox(context.dataSource, mailboxId).catch(() => null);
  if (organisationId) context.health.count(organisationId, 'failures');
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
  if (result === 'FAILED') await countFailure(payload.mailboxId, context);
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
