import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import type { EventPublisher } from '../events.ts';
import { ExchangeError, type ExchangeGatewayFactory } from '../exchange-gateway.ts';
import { LeaseLost } from './email-ingest.service.ts';
import { profileConnection, profileOf } from './exchange-connection.ts';
import { ItemSync, type ActRunCounts, type SyncContext, type SyncMailbox } from './item-sync.ts';
import { recordMailboxFailure } from './mailbox-failure.ts';
import { SYNC_LEASE_MS, type SyncRunResult } from './mailbox-sync.runner.ts';
import type { SecretCipher } from './secret-cipher.ts';
import { updateReturning } from './sql.ts';
import { CONTACTS } from './contact-sync.kind.ts';
import { TASKS } from './task-sync.kind.ts';
import { appointmentsKind, DEFAULT_CALENDAR_RANGE, type CalendarRange } from './appointment-sync.kind.ts';

export type { ActRunCounts } from './item-sync.ts';

export interface ActSyncOptions {
  pageSize?: number;
  leaseMs?: number;
  /** Exchange writes in flight per run (Exchange allows 4 concurrent requests per mailbox). */
  concurrency?: number;
  onWarning?: (message: string) => void;
  /** The calendar range synced (default 30 days back, 365 ahead). */
  calendar?: CalendarRange;
}

/**
 * Keeps a mailbox owner's appointments, contacts and tasks in step with their Exchange calendar,
 * contacts and To Do, both ways (services/item-sync.ts, one kind after the other). The run holds
 * its own lease (`mailbox.actSyncStage`), cursors, failure count and back-off, so ACT and email
 * sync run independently and a failing ACT channel does not hold up email.
 */
export class ActSyncRunner {
  private readonly counts: ActRunCounts = { exchangeWrites: 0, crmWrites: 0, conflicts: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly gateways: ExchangeGatewayFactory,
    private readonly events: EventPublisher,
    private readonly options: ActSyncOptions = {},
  ) {}

  get lastCounts(): ActRunCounts {
    return { ...this.counts };
  }

  async run(mailboxId: string): Promise<SyncRunResult> {
    Object.assign(this.counts, { exchangeWrites: 0, crmWrites: 0, conflicts: 0 });
    const leaseMs = this.options.leaseMs ?? SYNC_LEASE_MS;
    const lease = `act:${randomBytes(12).toString('base64url')}`;
    const acquired = await updateReturning<{ id: string }>(
      this.dataSource,
      `UPDATE mailbox SET "actSyncStage" = $3, "actSyncStageStartedAt" = now(), "actLastSyncAttemptAt" = now()
        WHERE id = $1 AND ("actSyncStage" IS NULL OR "actSyncStageStartedAt" < now() - make_interval(secs => $2))
       RETURNING id`,
      [mailboxId, leaseMs / 1000, lease],
    );
    if (acquired.length === 0) return 'BUSY';
    try {
      return await this.once(mailboxId, lease);
    } catch (error) {
      if (!(error instanceof LeaseLost)) throw error;
      this.options.onWarning?.(error.message);
      return 'BUSY';
    } finally {
      await this.dataSource.query(
        `UPDATE mailbox SET "actSyncStage" = NULL, "actSyncStageStartedAt" = NULL WHERE id = $1 AND "actSyncStage" = $2`,
        [mailboxId, lease],
      );
    }
  }

  private async once(mailboxId: string, lease: string): Promise<SyncRunResult> {
    const mailbox = await this.dataSource.getRepository(Mailbox).findOneBy({ id: mailboxId });
    if (!mailbox?.ownerUserId) return 'SKIPPED';
    const organisation = await this.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: mailbox.organisationId });
    if (!isActSyncable(mailbox, organisation)) return 'SKIPPED';
    const profile = await profileOf(this.dataSource, mailbox);
    const connection = profile ? profileConnection(organisation, profile, this.cipher) : null;
    if (!connection) {
      await recordMailboxFailure(this.dataSource, this.events, organisation, mailbox, 'act', { kind: 'AUTH_FAILED' });
      return 'FAILED';
    }
    const gateway = this.gateways(connection);
    try {
      const context: SyncContext = {
        dataSource: this.dataSource,
        events: this.events,
        ...(this.options.pageSize === undefined ? {} : { pageSize: this.options.pageSize }),
        concurrency: this.options.concurrency ?? 4,
        counts: this.counts,
        ...(this.options.onWarning ? { warn: this.options.onWarning } : {}),
        renewLease: () => this.renewLease(mailbox.id, lease),
        saveCursor: (db, key, value) => this.saveCursor(db, mailbox.id, lease, key, value),
        forgetCursor: (key) => this.forgetCursor(mailbox.id, key),
      };
      const target: SyncMailbox = {
        id: mailbox.id,
        organisationId: mailbox.organisationId,
        ownerUserId: mailbox.ownerUserId,
        emailAddress: mailbox.emailAddress,
        trackingTokenPrefix: organisation.trackingTokenPrefix,
        actCursors: mailbox.actCursors,
      };
      // Contacts first (tracking an event looks its attendees up among them), then appointments
      // and tasks; each kind keeps its own cursor.
      await new ItemSync(CONTACTS, context, gateway, target).run();
      await new ItemSync(
        appointmentsKind(this.options.calendar ?? DEFAULT_CALENDAR_RANGE),
        context,
        gateway,
        target,
      ).run();
      await new ItemSync(TASKS, context, gateway, target).run();
      await this.dataSource.query(
        `UPDATE mailbox SET "actLastSyncSuccessAt" = now(), "actConsecutiveFailures" = 0, "actBackoffUntil" = NULL
          WHERE id = $1`,
        [mailbox.id],
      );
      return 'SYNCED';
    } catch (error) {
      if (error instanceof LeaseLost) throw error;
      const failure =
        error instanceof ExchangeError
          ? error.failure
          : ({ kind: 'TRANSIENT' } as const satisfies ExchangeError['failure']);
      if (!(error instanceof ExchangeError)) {
        this.options.onWarning?.(
          `ACT sync of mailbox ${mailbox.id} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      await recordMailboxFailure(this.dataSource, this.events, organisation, mailbox, 'act', failure);
      return 'FAILED';
    }
  }

  private async saveCursor(db: EntityManager, mailboxId: string, lease: string, key: string, value: string) {
    const saved = await updateReturning<{ id: string }>(
      db,
      `UPDATE mailbox SET "actCursors" = "actCursors" || jsonb_build_object($2::text, $3::text),
              "actSyncStageStartedAt" = now()
        WHERE id = $1 AND "actSyncStage" = $4 RETURNING id`,
      [mailboxId, key, value, lease],
    );
    if (saved.length === 0) throw new LeaseLost(mailboxId);
  }

  private async forgetCursor(mailboxId: string, key: string): Promise<void> {
    await this.dataSource.query(`UPDATE mailbox SET "actCursors" = "actCursors" - $2::text WHERE id = $1`, [
      mailboxId,
      key,
    ]);
  }

  private async renewLease(mailboxId: string, lease: string): Promise<void> {
    const renewed = await updateReturning<{ id: string }>(
      this.dataSource,
      `UPDATE mailbox SET "actSyncStageStartedAt" = now() WHERE id = $1 AND "actSyncStage" = $2 RETURNING id`,
      [mailboxId, lease],
    );
    if (renewed.length === 0) throw new LeaseLost(mailboxId);
  }
}

/** ACT syncs for approved, active mailboxes whose ACT channel works, past their ACT back-off. */
export function isActSyncable(
  mailbox: Pick<
    Mailbox,
    'actMethod' | 'enabledForAct' | 'actStatus' | 'processingState' | 'approvalStatus' | 'actBackoffUntil'
  >,
  organisation: Pick<Organisation, 'processApprovedMailboxesOnly'>,
  now = new Date(),
): boolean {
  return (
    mailbox.actMethod === 'SERVER_SIDE_SYNC' &&
    mailbox.enabledForAct &&
    mailbox.actStatus !== 'FAILURE' &&
    mailbox.processingState === 'ACTIVE' &&
    (!organisation.processApprovedMailboxesOnly || mailbox.approvalStatus === 'APPROVED') &&
    (mailbox.actBackoffUntil === null || mailbox.actBackoffUntil <= now)
  );
}

/**
 * Mailboxes whose ACT sync is due (polled at the profile's interval), claimed by moving their last
 * attempt to now so the next sweep does not queue them again; crashed ACT runs are released.
 */
export async function dueActMailboxes(
  dataSource: DataSource,
  leaseMs = SYNC_LEASE_MS,
  limit = 5000,
): Promise<string[]> {
  await dataSource.query(
    `UPDATE mailbox SET "actSyncStage" = NULL, "actSyncStageStartedAt" = NULL
      WHERE "actSyncStage" IS NOT NULL AND "actSyncStageStartedAt" < now() - make_interval(secs => $1)`,
    [leaseMs / 1000],
  );
  const rows = await updateReturning<{ id: string }>(
    dataSource,
    `UPDATE mailbox SET "actLastSyncAttemptAt" = now()
      WHERE id IN (
        SELECT m.id FROM mailbox m
          JOIN organisation o ON o.id = m."organisationId"
          LEFT JOIN email_server_profile p
            ON p.id = COALESCE(m."emailServerProfileId",
                 (SELECT d.id FROM email_server_profile d WHERE d."organisationId" = m."organisationId" AND d."isDefault" LIMIT 1))
         WHERE m."actMethod" = 'SERVER_SIDE_SYNC' AND m."enabledForAct" AND m."actStatus" <> 'FAILURE'
           AND m."processingState" = 'ACTIVE' AND m."ownerUserId" IS NOT NULL
           AND (NOT o."processApprovedMailboxesOnly" OR m."approvalStatus" = 'APPROVED')
           AND (m."actBackoffUntil" IS NULL OR m."actBackoffUntil" <= now())
           AND m."actSyncStage" IS NULL
           AND (m."actLastSyncAttemptAt" IS NULL
                OR m."actLastSyncAttemptAt" <= now() - make_interval(secs => COALESCE(p."minPollingIntervalSeconds", 60)))
         ORDER BY m."actLastSyncAttemptAt" NULLS FIRST
         LIMIT $1
         FOR UPDATE OF m SKIP LOCKED)
     RETURNING id`,
    [limit],
  );
  return rows.map((row) => row.id);
}

/** The mailbox through which a user's appointments, contacts and tasks sync, if any does now. */
export async function actMailboxOf(
  dataSource: DataSource,
  organisationId: string,
  userId: string,
): Promise<string | null> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT m.id FROM mailbox m JOIN organisation o ON o.id = m."organisationId"
      WHERE m."organisationId" = $1 AND m."ownerUserId" = $2
        AND m."actMethod" = 'SERVER_SIDE_SYNC' AND m."enabledForAct" AND m."actStatus" <> 'FAILURE'
        AND m."processingState" = 'ACTIVE'
        AND (NOT o."processApprovedMailboxesOnly" OR m."approvalStatus" = 'APPROVED')
      LIMIT 1`,
    [organisationId, userId],
  );
  return rows[0]?.id ?? null;
}
