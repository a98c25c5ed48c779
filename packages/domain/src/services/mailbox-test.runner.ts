import type { DataSource } from 'typeorm';
import { EmailServerProfile } from '../entities/email-server-profile.entity.ts';
import { JobItem } from '../entities/job-item.entity.ts';
import { Job } from '../entities/job.entity.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import { TOPICS, type EventPublisher } from '../events.ts';
import { ExchangeError, type ExchangeConnection, type ExchangeGatewayFactory } from '../exchange-gateway.ts';
import {
  CHANNELS,
  channelsToTest,
  decideTestOutcome,
  type AlertDraft,
  type Channel,
  type ChannelResult,
} from '../rules/mailbox-test.rule.ts';
import { dismissAlerts, raiseAlert } from './alert.service.ts';
import { finishJobItem } from './job-items.ts';
import { addNotification } from './notification.service.ts';
import type { SecretCipher } from './secret-cipher.ts';

/** Thrown when Exchange was busy or unreachable and the test should be retried later. */
export class RetryLater extends Error {
  constructor(readonly retryAfterMs: number | undefined) {
    super('Exchange Online was busy or unreachable; the test will be retried.');
    this.name = 'RetryLater';
  }
}

const NOT_APPROVED: AlertDraft = {
  severity: 'ERROR',
  code: 'MAILBOX_NOT_APPROVED',
  message:
    'The mailbox is not approved, so it cannot be tested and enabled. Use Approve and test mailboxes (administrators), which approves it first.',
};

/**
 * Runs one mailbox of an Approve and test (or Test and enable) job: approve, test each channel
 * through Exchange, record statuses, alerts and the owner's notifications, and move the job's
 * progress — once, however often the child job is retried.
 */
export class MailboxTestRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly gateways: ExchangeGatewayFactory,
    private readonly events: EventPublisher,
  ) {}

  private async connection(organisation: Organisation, mailbox: Mailbox): Promise<ExchangeConnection | null> {
    const profiles = this.dataSource.getRepository(EmailServerProfile);
    const profile =
      (mailbox.emailServerProfileId && (await profiles.findOneBy({ id: mailbox.emailServerProfileId }))) ||
      (await profiles.findOneBy({ organisationId: organisation.id, isDefault: true }));
    const tenantId = profile?.tenantId ?? organisation.tenantId;
    const clientId = profile?.clientId ?? organisation.appClientId;
    const secret = profile?.clientSecretEncrypted ?? organisation.appClientSecretEncrypted;
    if (!profile || !tenantId || !clientId || !secret) return null;
    return {
      graphBaseUrl: profile.graphEndpoint,
      authorityUrl: profile.authorityUrl,
      tenantId,
      clientId,
      clientSecret: this.cipher.decrypt(secret),
      maxConcurrentRequestsPerMailbox: profile.maxConcurrentRequestsPerMailbox,
    };
  }

  /**
   * @param finalAttempt when false, a busy or unreachable Exchange throws RetryLater instead of
   *   being recorded as a failure.
   */
  async run(
    jobId: string,
    mailboxId: string,
    approve: boolean,
    finalAttempt: boolean,
    now = new Date(),
  ): Promise<void> {
    const item = await this.dataSource.getRepository(JobItem).findOneBy({ jobId, itemId: mailboxId });
    if (!item || item.status !== 'PENDING') return;
    const mailbox = await this.dataSource
      .getRepository(Mailbox)
      .findOneBy({ id: mailboxId, organisationId: item.organisationId });
    const organisation = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: item.organisationId });
    if (!mailbox) {
      await this.finish(jobId, mailboxId, item.organisationId, 'FAILED', { message: 'The mailbox was deleted.' });
      return;
    }
    if (!approve && mailbox.approvalStatus !== 'APPROVED') {
      await this.record(organisation, mailbox, jobId, { testRunStatus: 'FAILURE' }, [NOT_APPROVED], false, now);
      return;
    }

    const tested = channelsToTest(mailbox);
    let results: Partial<Record<Channel, ChannelResult>> = {};
    const connection = await this.connection(organisation, mailbox);
    if (!connection) {
      results = Object.fromEntries(tested.map((c) => [c, { ok: false, failure: { kind: 'AUTH_FAILED' } }]));
    } else if (tested.length > 0) {
      try {
        results = await this.gateways(connection).testMailbox(mailbox.emailAddress);
      } catch (error) {
        if (!(error instanceof ExchangeError)) throw error;
        results = Object.fromEntries(tested.map((c) => [c, { ok: false, failure: error.failure }]));
      }
    }
    const transient = CHANNELS.map((c) => results[c]).find(
      (r): r is Extract<ChannelResult, { ok: false }> =>
        !!r && !r.ok && (r.failure.kind === 'TRANSIENT' || r.failure.kind === 'THROTTLED'),
    );
    if (transient && !finalAttempt) throw new RetryLater(undefined);

    const outcome = decideTestOutcome(mailbox, results);
    const { alerts, ...statuses } = outcome;
    await this.record(
      organisation,
      mailbox,
      jobId,
      {
        ...statuses,
        ...(approve ? { approvalStatus: 'APPROVED' as const } : {}),
        ...(outcome.testRunStatus === 'SUCCESS'
          ? { processingState: 'ACTIVE' as const, consecutiveFailures: 0, backoffUntil: null }
          : {}),
      },
      alerts,
      outcome.testRunStatus === 'SUCCESS',
      now,
    );
  }

  private async record(
    organisation: Organisation,
    mailbox: Mailbox,
    jobId: string,
    changes: Partial<Mailbox>,
    alerts: AlertDraft[],
    succeeded: boolean,
    now: Date,
  ): Promise<void> {
    const notified: string[] = [];
    const job = await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Mailbox).update({ id: mailbox.id }, changes);
      // A success resolves the alerts of earlier failures.
      if (succeeded) await dismissAlerts(manager, mailbox.id, [], now);
      for (const draft of alerts) {
        const alert = await raiseAlert(manager, organisation, mailbox, draft, now);
        if (!alert || !mailbox.ownerUserId) continue;
        const notification = await addNotification(manager, {
          organisationId: organisation.id,
          userId: mailbox.ownerUserId,
          kind: 'MAILBOX_ALERT',
          title: succeeded ? 'Your mailbox is enabled' : 'Your mailbox needs attention',
          message: draft.message,
          data: { mailboxId: mailbox.id, alertId: alert.id, code: draft.code, severity: draft.severity },
        });
        notified.push(notification.id);
      }
      return finishJobItem(
        manager,
        jobId,
        mailbox.id,
        succeeded ? 'SUCCEEDED' : 'FAILED',
        { emailAddress: mailbox.emailAddress, alerts: alerts.map((a) => a.code) },
        now,
      );
    });
    await this.events.publish(TOPICS.MAILBOX_STATUS_CHANGED, organisation.id, {
      mailboxId: mailbox.id,
      organisationId: organisation.id,
    });
    for (const notificationId of notified) {
      await this.events.publish(TOPICS.NOTIFICATION_RECEIVED, mailbox.ownerUserId!, {
        notificationId,
        userId: mailbox.ownerUserId!,
      });
    }
    if (job) await this.events.publish(TOPICS.JOB_PROGRESS, jobId, { jobId, organisationId: organisation.id });
  }

  private async finish(
    jobId: string,
    itemId: string,
    organisationId: string,
    status: 'FAILED',
    detail: Record<string, unknown>,
  ) {
    const job = await this.dataSource.transaction((manager) => finishJobItem(manager, jobId, itemId, status, detail));
    if (job) await this.events.publish(TOPICS.JOB_PROGRESS, jobId, { jobId, organisationId });
  }
}

/** Marks a queued job as running (the first child to start does it) and says whether it changed. */
export async function markJobRunning(dataSource: DataSource, jobId: string, now = new Date()): Promise<boolean> {
  const result = await dataSource
    .createQueryBuilder()
    .update(Job)
    .set({ status: 'RUNNING', startedAt: now })
    .where('id = :jobId AND status = :queued', { jobId, queued: 'QUEUED' })
    .execute();
  return (result.affected ?? 0) > 0;
}
