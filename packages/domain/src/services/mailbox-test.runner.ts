import { In, type DataSource, type EntityManager } from 'typeorm';
import { EmailServerProfile } from '../entities/email-server-profile.entity.ts';
import { JobItem } from '../entities/job-item.entity.ts';
import { Job } from '../entities/job.entity.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import type { ApprovalStatus, ProcessingState, TestRunStatus, TestStatus } from '../enums.ts';
import { TOPICS, type EventPublisher } from '../events.ts';
import { profileConnection } from './exchange-connection.ts';
import { mailboxAlertNotification } from './notification-content.ts';
import { alertIfProfileFailing } from './profile-health.ts';
import { ExchangeError, type ExchangeConnection, type ExchangeGatewayFactory } from '../exchange-gateway.ts';
import {
  CHANNELS,
  channelsToTest,
  decideTestOutcome,
  NOT_APPROVED_ALERT,
  type AlertDraft,
  type Channel,
  type ChannelResult,
} from '../rules/mailbox-test.rule.ts';
import { alertsEnabledFor } from './alert.service.ts';
import type { SecretCipher } from './secret-cipher.ts';

/** Thrown when Exchange was busy or unreachable for some mailboxes; they are tested again later. */
export class RetryLater extends Error {
  constructor(readonly mailboxIds: string[]) {
    super(`Exchange Online was busy or unreachable for ${mailboxIds.length} mailbox(es); they will be tested again.`);
    this.name = 'RetryLater';
  }
}

/** What one mailbox's test run decided, ready to be written. */
interface Verdict {
  mailbox: Mailbox;
  incomingStatus: TestStatus;
  outgoingStatus: TestStatus;
  actStatus: TestStatus;
  testRunStatus: TestRunStatus;
  enabledForIncoming: boolean;
  enabledForOutgoing: boolean;
  enabledForAct: boolean;
  approvalStatus: ApprovalStatus;
  processingState: ProcessingState;
  succeeded: boolean;
  alerts: AlertDraft[];
}

/** Mailboxes of one group tested at once (each makes up to 4 concurrent Graph requests). */
const TESTS_IN_FLIGHT = 10;

async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

const isBusy = (result: ChannelResult | undefined) =>
  !!result && !result.ok && (result.failure.kind === 'TRANSIENT' || result.failure.kind === 'THROTTLED');

/**
 * Runs a group of mailboxes of one Approve and test (or Test and enable) job: approve, test each
 * channel through Exchange (mailboxes side by side; the adapter keeps each mailbox within
 * Exchange's limits), then write statuses, folded alerts, the owners' notifications and the job's
 * progress in one transaction with set-based statements. Each mailbox counts once, however often
 * the group is retried: only items still pending are tested and written.
 */
export class MailboxTestRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly gateways: ExchangeGatewayFactory,
    private readonly events: EventPublisher,
  ) {}

  /**
   * @param finalAttempt when false, mailboxes for which Exchange was busy or unreachable are left
   *   pending and RetryLater is thrown after the others are recorded.
   */
  async run(
    jobId: string,
    mailboxIds: readonly string[],
    approve: boolean,
    finalAttempt: boolean,
    now = new Date(),
  ): Promise<void> {
    const pending = await this.dataSource
      .getRepository(JobItem)
      .findBy({ jobId, itemId: In([...mailboxIds]), status: 'PENDING' });
    if (pending.length === 0) return;
    const organisationId = pending[0]!.organisationId;
    const [organisation, mailboxes, profiles] = await Promise.all([
      this.dataSource.getRepository(Organisation).findOneByOrFail({ id: organisationId }),
      this.dataSource.getRepository(Mailbox).findBy({ id: In(pending.map((item) => item.itemId)), organisationId }),
      this.dataSource.getRepository(EmailServerProfile).findBy({ organisationId }),
    ]);
    const connections = new Map<string, ExchangeConnection | null>();
    const connectionOf = (mailbox: Mailbox) => {
      const profile = profiles.find((p) => p.id === mailbox.emailServerProfileId) ?? profiles.find((p) => p.isDefault);
      const key = profile?.id ?? '';
      if (!connections.has(key))
        connections.set(key, profile ? profileConnection(organisation, profile, this.cipher) : null);
      return connections.get(key)!;
    };

    const verdicts: Verdict[] = [];
    const busy: string[] = [];
    await forEachConcurrently(mailboxes, TESTS_IN_FLIGHT, async (mailbox) => {
      if (!approve && mailbox.approvalStatus !== 'APPROVED') {
        verdicts.push({
          ...unchanged(mailbox),
          testRunStatus: 'FAILURE',
          succeeded: false,
          alerts: [NOT_APPROVED_ALERT],
        });
        return;
      }
      const results = await this.test(mailbox, connectionOf(mailbox));
      if (!finalAttempt && CHANNELS.some((channel) => isBusy(results[channel]))) {
        busy.push(mailbox.id);
        return;
      }
      const { alerts, ...statuses } = decideTestOutcome(mailbox, results);
      const succeeded = statuses.testRunStatus === 'SUCCESS';
      verdicts.push({
        mailbox,
        ...statuses,
        approvalStatus: approve ? 'APPROVED' : mailbox.approvalStatus,
        processingState: succeeded ? 'ACTIVE' : mailbox.processingState,
        succeeded,
        alerts,
      });
    });
    const deleted = pending.map((item) => item.itemId).filter((id) => !mailboxes.some((m) => m.id === id));

    const written = await this.dataSource.transaction((manager) =>
      this.write(manager, organisation, jobId, verdicts, deleted, now),
    );
    for (const verdict of verdicts) {
      await this.events.publish(TOPICS.MAILBOX_STATUS_CHANGED, organisationId, {
        mailboxId: verdict.mailbox.id,
        organisationId,
      });
    }
    for (const notification of written.notifications) {
      await this.events.publish(TOPICS.NOTIFICATION_RECEIVED, notification.userId, {
        notificationId: notification.id,
        userId: notification.userId,
      });
    }
    if (written.counted) await this.events.publish(TOPICS.JOB_PROGRESS, jobId, { jobId, organisationId });
    const failed = verdicts.filter((v) => !v.succeeded).map((v) => v.mailbox.id);
    await alertIfProfileFailing(this.dataSource, this.events, organisationId, failed);
    if (busy.length > 0) throw new RetryLater(busy);
  }

  private async test(
    mailbox: Mailbox,
    connection: ExchangeConnection | null,
  ): Promise<Partial<Record<Channel, ChannelResult>>> {
    const tested = channelsToTest(mailbox);
    const failAll = (failure: Extract<ChannelResult, { ok: false }>['failure']) =>
      Object.fromEntries(tested.map((channel) => [channel, { ok: false, failure }]));
    if (tested.length === 0) return {};
    if (!connection) return failAll({ kind: 'AUTH_FAILED' });
    try {
      return await this.gateways(connection).testMailbox(mailbox.emailAddress);
    } catch (error) {
      if (error instanceof ExchangeError) return failAll(error.failure);
      throw error;
    }
  }

  /** Everything the group decided, in a handful of set-based statements. */
  private async write(
    manager: EntityManager,
    organisation: Organisation,
    jobId: string,
    verdicts: Verdict[],
    deleted: string[],
    now: Date,
  ) {
    const ids = verdicts.map((v) => v.mailbox.id);
    if (verdicts.length > 0) {
      await manager.query(
        `UPDATE mailbox AS m SET "incomingStatus" = v.incoming, "outgoingStatus" = v.outgoing, "actStatus" = v.act,
           "testRunStatus" = v.run, "enabledForIncoming" = v.ei, "enabledForOutgoing" = v.eo, "enabledForAct" = v.ea,
           "approvalStatus" = v.approval, "processingState" = v.processing,
           "consecutiveFailures" = CASE WHEN v.succeeded THEN 0 ELSE m."consecutiveFailures" END,
           "backoffUntil" = CASE WHEN v.succeeded THEN NULL ELSE m."backoffUntil" END,
           "updatedAt" = $12, version = m.version + 1
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::bool[], $8::bool[], $9::text[], $10::text[], $11::bool[])
           AS v(id, incoming, outgoing, act, run, ei, eo, ea, approval, processing, succeeded)
         WHERE m.id = v.id`,
        [
          ids,
          verdicts.map((v) => v.incomingStatus),
          verdicts.map((v) => v.outgoingStatus),
          verdicts.map((v) => v.actStatus),
          verdicts.map((v) => v.testRunStatus),
          verdicts.map((v) => v.enabledForIncoming),
          verdicts.map((v) => v.enabledForOutgoing),
          verdicts.map((v) => v.enabledForAct),
          verdicts.map((v) => v.approvalStatus),
          verdicts.map((v) => v.processingState),
          verdicts.map((v) => v.succeeded),
          now,
        ],
      );
      // A success resolves the alerts of earlier failures.
      const succeeded = verdicts.filter((v) => v.succeeded).map((v) => v.mailbox.id);
      if (succeeded.length > 0) {
        await manager.query(
          `UPDATE mailbox_alert SET "dismissedAt" = $2 WHERE "mailboxId" = ANY($1::uuid[]) AND "dismissedAt" IS NULL`,
          [succeeded, now],
        );
      }
    }

    // Alerts, folded into the open alert of the same code (count and last occurrence).
    const drafts = verdicts.flatMap((v) =>
      v.alerts.filter((a) => alertsEnabledFor(organisation, a.severity)).map((alert) => ({ verdict: v, alert })),
    );
    let notifications: { id: string; userId: string }[] = [];
    if (drafts.length > 0) {
      const alerts: { id: string; mailboxId: string; code: string }[] = await manager.query(
        `INSERT INTO mailbox_alert ("organisationId", "mailboxId", severity, code, message, params, "firstOccurredAt", "lastOccurredAt", count)
         SELECT $1, v.mailbox, v.severity, v.code, v.message, v.params, $6, $6, 1
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $7::jsonb[]) AS v(mailbox, severity, code, message, params)
         ON CONFLICT ("mailboxId", code) WHERE "dismissedAt" IS NULL
         DO UPDATE SET count = mailbox_alert.count + 1, "lastOccurredAt" = EXCLUDED."lastOccurredAt",
                       message = EXCLUDED.message, params = EXCLUDED.params, severity = EXCLUDED.severity, "readAt" = NULL
         RETURNING id, "mailboxId", code`,
        [
          organisation.id,
          drafts.map((d) => d.verdict.mailbox.id),
          drafts.map((d) => d.alert.severity),
          drafts.map((d) => d.alert.code),
          drafts.map((d) => d.alert.message),
          now,
          drafts.map((d) => JSON.stringify(d.alert.params)),
        ],
      );
      const alertId = new Map(alerts.map((a) => [`${a.mailboxId}|${a.code}`, a.id]));
      const toOwners = drafts.filter((d) => d.verdict.mailbox.ownerUserId);
      if (toOwners.length > 0) {
        const contents = toOwners.map((d) =>
          mailboxAlertNotification(d.verdict.succeeded ? 'ENABLED' : 'NEEDS_ATTENTION', d.verdict.mailbox, {
            ...d.alert,
            id: alertId.get(`${d.verdict.mailbox.id}|${d.alert.code}`) ?? null,
          }),
        );
        notifications = await manager.query(
          `INSERT INTO notification ("organisationId", "userId", kind, title, message, data)
           SELECT $1, v.owner, v.kind, v.title, v.message, v.data
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[]) AS v(owner, kind, title, message, data)
           RETURNING id, "userId"`,
          [
            organisation.id,
            toOwners.map((d) => d.verdict.mailbox.ownerUserId),
            contents.map((c) => c.kind),
            contents.map((c) => c.title),
            contents.map((c) => c.message),
            contents.map((c) => JSON.stringify(c.data)),
          ],
        );
      }
    }

    // Each item finishes once; only items that changed from pending move the job's counters.
    const items = [
      ...verdicts.map((v) => ({
        id: v.mailbox.id,
        status: v.succeeded ? 'SUCCEEDED' : 'FAILED',
        detail: { emailAddress: v.mailbox.emailAddress, alerts: v.alerts.map((a) => a.code) },
      })),
      ...deleted.map((id) => ({
        id,
        status: 'FAILED',
        detail: { outcome: 'MAILBOX_DELETED', message: 'The mailbox was deleted.' },
      })),
    ];
    if (items.length === 0) return { notifications, counted: false };
    const [finished] = (await manager.query(
      `UPDATE job_item AS i SET status = v.status, detail = v.detail, "finishedAt" = $5
       FROM unnest($2::uuid[], $3::text[], $4::jsonb[]) AS v(id, status, detail)
       WHERE i."jobId" = $1 AND i."itemId" = v.id AND i.status = 'PENDING'
       RETURNING i.status`,
      [jobId, items.map((i) => i.id), items.map((i) => i.status), items.map((i) => JSON.stringify(i.detail)), now],
    )) as [{ status: string }[], number];
    if (finished.length === 0) return { notifications, counted: false };
    const failed = finished.filter((row) => row.status === 'FAILED').length;
    // Last statement: every group of the job updates this row, so its lock is held only to commit.
    await manager.query(
      `UPDATE job SET done = done + $2, failed = failed + $3,
         status = CASE WHEN done + $2 >= total THEN 'COMPLETED' ELSE 'RUNNING' END,
         "startedAt" = COALESCE("startedAt", $4),
         "finishedAt" = CASE WHEN done + $2 >= total THEN $4 ELSE NULL END
       WHERE id = $1`,
      [jobId, finished.length, failed, now],
    );
    return { notifications, counted: true };
  }
}

function unchanged(mailbox: Mailbox): Omit<Verdict, 'testRunStatus' | 'succeeded' | 'alerts'> {
  return {
    mailbox,
    incomingStatus: mailbox.incomingStatus,
    outgoingStatus: mailbox.outgoingStatus,
    actStatus: mailbox.actStatus,
    enabledForIncoming: mailbox.enabledForIncoming,
    enabledForOutgoing: mailbox.enabledForOutgoing,
    enabledForAct: mailbox.enabledForAct,
    approvalStatus: mailbox.approvalStatus,
    processingState: mailbox.processingState,
  };
}

/** Marks a queued job as running (the first group to start does it) and says whether it changed. */
export async function markJobRunning(dataSource: DataSource, jobId: string, now = new Date()): Promise<boolean> {
  const result = await dataSource
    .createQueryBuilder()
    .update(Job)
    .set({ status: 'RUNNING', startedAt: now })
    .where('id = :jobId AND status = :queued', { jobId, queued: 'QUEUED' })
    .execute();
  return (result.affected ?? 0) > 0;
}
