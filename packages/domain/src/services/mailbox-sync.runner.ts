import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { FolderTrackingRule, GraphSubscription } from '../entities/email.entities.ts';
import type { Mailbox } from '../entities/mailbox.entity.ts';
import { SYNC_HISTORY_LIMIT } from '../entities/mailbox-sync-run.entity.ts';
import type { Organisation } from '../entities/organisation.entity.ts';
import type { EventPublisher } from '../events.ts';
import { ExchangeError, type ExchangeGateway, type ExchangeGatewayFactory } from '../exchange-gateway.ts';
import { EmailIngestService, LeaseLost, type IngestFolder, type IngestMailbox } from './email-ingest.service.ts';
import { mailboxWithConnection, profileConnection } from './exchange-connection.ts';
import { recordMailboxFailure } from './mailbox-failure.ts';
import {
  SYNC_RUN_INTERNAL_ERROR,
  SYNC_RUN_LEASE_LOST,
  syncRunFailure,
  type SyncRunFailure,
} from '../rules/mailbox-sync.rule.ts';
import type { ExchangeFailure } from '../rules/mailbox-test.rule.ts';
import type { SecretCipher } from './secret-cipher.ts';
import { publishTimelineChanges } from './timeline-events.ts';
import { updateReturning } from './sql.ts';

/** Wake-ups of mailbox syncs, kept outside Postgres (Redis in production). */
export interface SyncSignals {
  /** Clears the mailbox's wake-up flag; true if it was set. */
  takeWakeup(mailboxId: string): Promise<boolean>;
  /** Asks for a sync of these mailboxes; a mailbox already queued is not queued twice. */
  wake(mailboxIds: readonly string[]): Promise<void>;
}

/** Where Exchange posts change notifications; null when Exchange cannot reach the API (polling only). */
export interface NotificationEndpoints {
  notificationUrl: string;
  lifecycleUrl: string;
}

export interface MailboxSyncOptions {
  pageSize?: number;
  notifications?: NotificationEndpoints | null;
  /** A sync that has not committed a page for this long is considered crashed. */
  leaseMs?: number;
  /** Problems that do not stop the sync (e.g. Exchange could not validate the notification URL). */
  onWarning?: (message: string) => void;
  /** Each run's hold on its mailbox, as it begins and ends (for logs: proof of one run at a time). */
  onRun?: (record: SyncRunRecord) => void;
}

export type SyncRunResult = 'SYNCED' | 'BUSY' | 'SKIPPED' | 'FAILED';

/**
 * One run's tenure of its mailbox, ids only. `at` (epoch ms) is an instant at which the run surely
 * held the lease: just after taking it (`started`), just before a release that found it still held
 * (`finished`), or when its last lease-fenced write was sent (`lost-lease`: the lease had expired and
 * was taken back, so nothing after that instant was written). [started.at, end.at] therefore lies
 * inside the real tenure, and two runs whose intervals overlap really held one mailbox at once.
 */
export type SyncRunRecord =
  | { event: 'started'; mailboxId: string; runId: string; at: number }
  | { event: 'finished' | 'lost-lease'; mailboxId: string; runId: string; at: number; result: SyncRunResult };

/** A run's lease value (also its run id) and the last instant it is known to have held it. */
interface Tenure {
  lease: string;
  heldAt: number;
}

/**
 * What a run did, counted in memory as it goes: written to the mailbox's sync history once, at the
 * end, and only when the run did something, so an empty poll costs no extra statement.
 */
interface RunTally {
  startedAt: Date;
  messagesStored: number;
  copiesAttached: number;
  foldersRead: number;
  foldersResynced: number;
  failure: SyncRunFailure | null;
}

/** How long a sync holds its mailbox without progress before the sweeper takes it back. */
export const SYNC_LEASE_MS = 120_000;
/** Subscriptions on messages live at most 10,070 minutes; Mailroom asks for 3 days and renews a day ahead. */
const SUBSCRIPTION_LIFETIME_MS = 3 * 24 * 3600_000;
const RENEW_BEFORE_MS = 24 * 3600_000;
/** Wake-ups that arrive during a sync are served by the same run, up to this many rounds. */
const MAX_ROUNDS = 5;

export const hashClientState = (clientState: string): string => createHash('sha256').update(clientState).digest('hex');

/**
 * Brings one mailbox's email up to date: a delta round per synced folder (Inbox, Sent Items and
 * every folder with a tracking rule), each page committed with its cursor. One run at a time per
 * mailbox, enforced by a lease in Postgres that a crashed worker loses after SYNC_LEASE_MS.
 */
export class MailboxSyncRunner {
  private readonly ingest: EmailIngestService;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly gateways: ExchangeGatewayFactory,
    private readonly events: EventPublisher,
    private readonly signals: SyncSignals,
    private readonly options: MailboxSyncOptions = {},
  ) {
    this.ingest = new EmailIngestService(dataSource);
  }

  async run(mailboxId: string): Promise<SyncRunResult> {
    const leaseMs = this.options.leaseMs ?? SYNC_LEASE_MS;
    // The lease names this run, so a run that outlived it can neither release nor write for the next.
    const lease = `incoming:${randomBytes(12).toString('base64url')}`;
    // `resumes`: the last run did not finish (crashed, failed or lost its lease) after storing cursors.
    const acquired = await updateReturning<{ id: string; resumes: boolean }>(
      this.dataSource,
      `WITH before AS (SELECT "lastSyncAttemptAt", "lastSyncSuccessAt", "deltaCursors" FROM mailbox WHERE id = $1)
       UPDATE mailbox SET "syncStage" = $3, "syncStageStartedAt" = now(), "lastSyncAttemptAt" = now()
        WHERE id = $1 AND ("syncStage" IS NULL OR "syncStageStartedAt" < now() - make_interval(secs => $2))
       RETURNING id, (SELECT "deltaCursors" <> '{}'::jsonb
                             AND ("lastSyncSuccessAt" IS NULL OR "lastSyncSuccessAt" < "lastSyncAttemptAt")
                        FROM before) AS resumes`,
      [mailboxId, leaseMs / 1000, lease],
    );
    if (acquired.length === 0) return 'BUSY';
    // A cursor left by an unfinished run may be a page link in the middle of a round, which goes on
    // reading that round's old snapshot: mail whose wake-up this run takes below may not be in it,
    // so the run goes round once more, from where that round ends.
    let resumedRound = acquired[0]!.resumes === true;
    const tenure: Tenure = { lease, heldAt: Date.now() };
    const tally: RunTally = {
      startedAt: new Date(tenure.heldAt),
      messagesStored: 0,
      copiesAttached: 0,
      foldersRead: 0,
      foldersResynced: 0,
      failure: null,
    };
    this.options.onRun?.({ event: 'started', mailboxId, runId: lease, at: tenure.heldAt });
    let result: SyncRunResult = 'SYNCED';
    /** The last round synced every folder: recorded with the release, in one statement. */
    let synced = false;
    try {
      await this.signals.takeWakeup(mailboxId);
      for (let round = 1; round <= MAX_ROUNDS; round += 1) {
        synced = false;
        result = await this.round(mailboxId, tenure, tally);
        synced = result === 'SYNCED';
        // After the last round a pending wake-up is left for the check below, which queues a new run.
        if (result !== 'SYNCED' || round === MAX_ROUNDS) break;
        if (resumedRound) {
          resumedRound = false;
          continue;
        }
        if (!(await this.signals.takeWakeup(mailboxId))) break;
      }
    } catch (error) {
      if (!(error instanceof LeaseLost)) {
        result = 'FAILED';
        tally.failure ??= SYNC_RUN_INTERNAL_ERROR;
        throw error;
      }
      this.options.onWarning?.(error.message);
      result = 'BUSY';
      tally.failure ??= SYNC_RUN_LEASE_LOST;
    } finally {
      const releasing = Date.now();
      const released = await updateReturning<{ id: string }>(
        this.dataSource,
        `UPDATE mailbox SET "syncStage" = NULL, "syncStageStartedAt" = NULL,
                "lastSyncSuccessAt" = CASE WHEN $3 THEN now() ELSE "lastSyncSuccessAt" END,
                "consecutiveFailures" = CASE WHEN $3 THEN 0 ELSE "consecutiveFailures" END,
                "backoffUntil" = CASE WHEN $3 THEN NULL ELSE "backoffUntil" END
          WHERE id = $1 AND "syncStage" = $2
         RETURNING id`,
        [mailboxId, lease, synced],
      );
      this.options.onRun?.(
        released.length > 0
          ? { event: 'finished', mailboxId, runId: lease, at: releasing, result }
          : { event: 'lost-lease', mailboxId, runId: lease, at: tenure.heldAt, result },
      );
      await this.recordRun(mailboxId, tally);
      // A wake-up that arrived between the last check and the release must not be lost.
      if (await this.signals.takeWakeup(mailboxId)) await this.signals.wake([mailboxId]);
    }
    return result;
  }

  /** Adds the run to the mailbox's sync history if it did something, pruning past the limit, in one statement. */
  private async recordRun(mailboxId: string, tally: RunTally): Promise<void> {
    if (
      tally.messagesStored === 0 &&
      tally.copiesAttached === 0 &&
      tally.foldersResynced === 0 &&
      tally.failure === null
    )
      return;
    try {
      // The DELETE sees the table as it was before the INSERT (one snapshot): it keeps the newest
      // LIMIT - 1 older runs, so the new one makes LIMIT.
      await this.dataSource.query(
        `WITH recorded AS (
           INSERT INTO mailbox_sync_run ("organisationId", "mailboxId", "startedAt", "finishedAt", outcome,
                  "messagesStored", "copiesAttached", "foldersRead", "foldersResynced", "failureKind", "failureMessage",
                  "failureCode", "failureParams")
           SELECT m."organisationId", m.id, $2, $11, $3, $4, $5, $6, $7, $8, $9, $12, $13 FROM mailbox m WHERE m.id = $1
           RETURNING id)
         DELETE FROM mailbox_sync_run WHERE id IN (
           SELECT id FROM mailbox_sync_run WHERE "mailboxId" = $1
            ORDER BY "startedAt" DESC, id DESC OFFSET $10)`,
        [
          mailboxId,
          tally.startedAt,
          tally.failure ? 'FAILED' : 'SUCCESS',
          tally.messagesStored,
          tally.copiesAttached,
          tally.foldersRead,
          tally.foldersResynced,
          tally.failure?.kind ?? null,
          tally.failure?.message ?? null,
          SYNC_HISTORY_LIMIT - 1,
          // Both ends on the worker's clock, so the duration is not skewed by the database's.
          new Date(),
          tally.failure?.code ?? null,
          tally.failure ? JSON.stringify(tally.failure.params) : null,
        ],
      );
    } catch (error) {
      // The history is for people reading the mailbox page: failing to write it must not fail the sync.
      this.options.onWarning?.(
        `sync history of mailbox ${mailboxId} not recorded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Records a failed round on the mailbox (back-off or disable) and in the run's tally. */
  private async failRound(
    organisation: Organisation,
    mailbox: Mailbox,
    failure: ExchangeFailure,
    tally: RunTally,
  ): Promise<'FAILED'> {
    const decision = await recordMailboxFailure(
      this.dataSource,
      this.events,
      organisation,
      mailbox,
      'incoming',
      failure,
    );
    tally.failure = syncRunFailure(failure, decision);
    return 'FAILED';
  }

  private async round(mailboxId: string, tenure: Tenure, tally: RunTally): Promise<SyncRunResult> {
    const loaded = await mailboxWithConnection(this.dataSource, mailboxId);
    if (!loaded) return 'SKIPPED';
    const { mailbox, organisation, profile } = loaded;
    if (!isSyncable(mailbox, organisation)) return 'SKIPPED';
    const connection = profile ? profileConnection(organisation, profile, this.cipher) : null;
    if (!profile || !connection) return this.failRound(organisation, mailbox, { kind: 'AUTH_FAILED' }, tally);
    const gateway = this.gateways(connection);
    try {
      await this.ensureSubscription(mailbox, gateway).catch((error: unknown) => {
        // Polling still syncs the mailbox; the next round tries the subscription again.
        if (!(error instanceof ExchangeError)) throw error;
        this.options.onWarning?.(`change notifications unavailable for ${mailbox.id}: ${error.message}`);
      });
      const target: IngestMailbox = {
        id: mailbox.id,
        organisationId: mailbox.organisationId,
        ownerUserId: mailbox.ownerUserId,
        emailAddress: mailbox.emailAddress,
        incomingFilter: mailbox.incomingFilter,
        trackingTokenPrefix: organisation.trackingTokenPrefix,
      };
      for (const folder of await this.folders(mailbox)) {
        await this.syncFolder(
          gateway,
          target,
          folder,
          mailbox.deltaCursors[folder.id],
          profile.processEmailReceivedAfter,
          tenure,
          tally,
        );
      }
      // Success (last synced, failures cleared) is recorded with the lease's release in run().
      return 'SYNCED';
    } catch (error) {
      if (error instanceof LeaseLost) throw error;
      if (error instanceof ExchangeError) return this.failRound(organisation, mailbox, error.failure, tally);
      // Not Exchange's doing (e.g. the database went away mid-page): back off like a transient
      // failure, so it is retried, counted, and after ten in a row alerted on.
      this.options.onWarning?.(
        `sync of mailbox ${mailbox.id} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return this.failRound(organisation, mailbox, { kind: 'TRANSIENT' }, tally);
    }
  }

  /** The Inbox, Sent Items (mail sent from Exchange clients) and, with folder tracking on, the rules' folders. */
  private async folders(mailbox: Mailbox): Promise<IngestFolder[]> {
    const folders: IngestFolder[] = [
      { id: 'inbox', kind: 'INBOX', regarding: null },
      { id: 'sentitems', kind: 'SENT', regarding: null },
    ];
    if (!mailbox.folderTrackingEnabled) return folders;
    const rules = await this.dataSource.getRepository(FolderTrackingRule).findBy({ mailboxId: mailbox.id });
    for (const rule of rules) {
      folders.push({
        id: rule.folderId,
        kind: 'TRACKED',
        regarding: rule.regardingType && rule.regardingId ? { type: rule.regardingType, id: rule.regardingId } : null,
      });
    }
    return folders;
  }

  private async syncFolder(
    gateway: ExchangeGateway,
    mailbox: IngestMailbox,
    folder: IngestFolder,
    cursor: string | undefined,
    receivedAfter: Date | null,
    tenure: Tenure,
    tally: RunTally,
  ): Promise<void> {
    tally.foldersRead += 1;
    // A first read is one without any cursor ever; a re-read after a 410 also carries mail that
    // arrived since the last cursor, which is treated as incremental mail.
    const read = (from: string | undefined, firstRead: boolean) =>
      this.readDelta(gateway, mailbox, folder, from, receivedAfter, tenure, tally, firstRead).then(
        () => true,
        async (error: unknown) => {
          if (!(error instanceof ExchangeError) || error.kind !== 'NOT_FOUND' || folder.kind !== 'TRACKED') throw error;
          // The user deleted the rule's folder in Exchange: the rule goes, the rest of the mailbox syncs on.
          await this.dataSource.query(`DELETE FROM folder_tracking_rule WHERE "mailboxId" = $1 AND "folderId" = $2`, [
            mailbox.id,
            folder.id,
          ]);
          await this.forgetCursor(mailbox.id, folder.id);
          this.options.onWarning?.(
            `folder ${folder.id} of mailbox ${mailbox.id} is gone; its tracking rule was removed`,
          );
          return false;
        },
      );
    try {
      await read(cursor, cursor === undefined);
    } catch (error) {
      if (!(error instanceof ExchangeError) || error.kind !== 'CURSOR_EXPIRED') throw error;
      // Exchange forgot the cursor (410), on any page: read the folder again from the start, once.
      // Pages already applied are recognised by their copies, so nothing is duplicated.
      await this.forgetCursor(mailbox.id, folder.id);
      tally.foldersResynced += 1;
      await read(undefined, cursor === undefined);
    }
  }

  private async renewLease(mailboxId: string, lease: string): Promise<void> {
    const renewed = await updateReturning<{ id: string }>(
      this.dataSource,
      `UPDATE mailbox SET "syncStageStartedAt" = now() WHERE id = $1 AND "syncStage" = $2 RETURNING id`,
      [mailboxId, lease],
    );
    if (renewed.length === 0) throw new LeaseLost(mailboxId);
  }

  /** A write fenced by the run's lease (it throws LeaseLost otherwise): having succeeded, it proves the lease held when sent. */
  private async fenced<T>(tenure: Tenure, write: (lease: string) => Promise<T>): Promise<T> {
    const sentAt = Date.now();
    const result = await write(tenure.lease);
    tenure.heldAt = sentAt;
    return result;
  }

  private async forgetCursor(mailboxId: string, folderId: string): Promise<void> {
    await this.dataSource.query(`UPDATE mailbox SET "deltaCursors" = "deltaCursors" - $2::text WHERE id = $1`, [
      mailboxId,
      folderId,
    ]);
  }

  private async readDelta(
    gateway: ExchangeGateway,
    mailbox: IngestMailbox,
    folder: IngestFolder,
    cursor: string | undefined,
    receivedAfter: Date | null,
    tenure: Tenure,
    tally: RunTally,
    firstRead: boolean,
  ): Promise<void> {
    const pages = gateway.messageDelta(mailbox.emailAddress, folder.id, {
      ...(cursor === undefined ? {} : { cursor }),
      ...(this.options.pageSize === undefined ? {} : { pageSize: this.options.pageSize }),
      ...(receivedAfter === null ? {} : { receivedAfter }),
    });
    for await (const page of pages) {
      if (page.messages.length === 0 && page.removedIds.length === 0) {
        if (page.cursor !== null) {
          await this.fenced(tenure, (lease) => this.ingest.commitEmptyPage(mailbox.id, folder.id, page.cursor, lease));
        }
        continue;
      }
      const plan = await this.ingest.plan(mailbox, folder, page.messages, { firstRead });
      let inReplyTo = new Map<string, string | null>();
      if (plan.needInReplyTo.length > 0) {
        // Header reads can take a while under throttling: the lease is renewed first, so a slow
        // page is not taken over (and retried by the next run, forever) before it commits.
        await this.fenced(tenure, (lease) => this.renewLease(mailbox.id, lease));
        inReplyTo = await gateway.inReplyTo(mailbox.emailAddress, plan.needInReplyTo);
      }
      const result = await this.fenced(tenure, (lease) =>
        this.ingest.commit(plan, inReplyTo, page.removedIds, page.cursor, lease),
      );
      tally.messagesStored += result.createdEmailIds.length;
      tally.copiesAttached += result.attachedCopies;
      if (result.createdOnTimelines.length > 0 || result.updatedEmailIds.length > 0) {
        await publishTimelineChanges(this.dataSource.manager, this.events, {
          created: result.createdOnTimelines,
          updated: result.updatedEmailIds,
        });
      }
    }
  }

  /**
   * Keeps one change-notification subscription on the mailbox's messages: created when missing,
   * renewed a day before it expires, recreated when Exchange no longer knows it.
   */
  private async ensureSubscription(mailbox: Mailbox, gateway: ExchangeGateway): Promise<void> {
    const endpoints = this.options.notifications;
    if (!endpoints) return;
    const repository = this.dataSource.getRepository(GraphSubscription);
    const existing = await repository.findOneBy({ mailboxId: mailbox.id });
    const now = Date.now();
    if (existing && existing.expiresAt.getTime() - now > RENEW_BEFORE_MS) return;
    const expiresAt = new Date(now + SUBSCRIPTION_LIFETIME_MS);
    if (existing) {
      try {
        await gateway.renewSubscription(existing.id, expiresAt);
        await repository.update({ id: existing.id }, { expiresAt });
        return;
      } catch (error) {
        if (!(error instanceof ExchangeError) || error.kind !== 'NOT_FOUND') throw error;
        await repository.delete({ id: existing.id });
      }
    }
    const clientState = randomBytes(32).toString('base64url');
    const resource = `users/${mailbox.emailAddress}/messages`;
    const created = await gateway.createSubscription({
      resource,
      notificationUrl: endpoints.notificationUrl,
      lifecycleNotificationUrl: endpoints.lifecycleUrl,
      expiresAt,
      clientState,
    });
    await repository.insert({
      id: created.id,
      organisationId: mailbox.organisationId,
      mailboxId: mailbox.id,
      resource,
      clientStateHash: hashClientState(clientState),
      expiresAt: created.expiresAt,
    });
  }
}

/** Only approved (when the organisation says so), enabled, active mailboxes past their back-off sync. */
export function isSyncable(
  mailbox: Pick<
    Mailbox,
    'incomingMethod' | 'enabledForIncoming' | 'processingState' | 'approvalStatus' | 'backoffUntil'
  >,
  organisation: Pick<Organisation, 'processApprovedMailboxesOnly'>,
  now = new Date(),
): boolean {
  return (
    mailbox.incomingMethod === 'SERVER_SIDE_SYNC' &&
    mailbox.enabledForIncoming &&
    mailbox.processingState === 'ACTIVE' &&
    (!organisation.processApprovedMailboxesOnly || mailbox.approvalStatus === 'APPROVED') &&
    (mailbox.backoffUntil === null || mailbox.backoffUntil <= now)
  );
}

/**
 * The polling safety net: mailboxes whose last sync attempt is older than their profile's
 * polling interval, and mailboxes whose sync holds a lease it stopped renewing (crashed worker),
 * whose lease is released here. Returns the ids to wake.
 */
export async function dueMailboxes(
  dataSource: DataSource,
  leaseMs = SYNC_LEASE_MS,
  /** The sweep's own period: a mailbox due before the next sweep is taken now, not a period late. */
  sweepMs = 0,
  limit = 5000,
): Promise<string[]> {
  // A crashed sync is resumed at once, whatever its polling interval.
  const released = await updateReturning<{ id: string }>(
    dataSource,
    `UPDATE mailbox SET "syncStage" = NULL, "syncStageStartedAt" = NULL
      WHERE "syncStage" IS NOT NULL AND "syncStageStartedAt" < now() - make_interval(secs => $1)
     RETURNING id`,
    [leaseMs / 1000],
  );
  const rows: { id: string }[] = await dataSource.query(
    `SELECT m.id FROM mailbox m
       JOIN organisation o ON o.id = m."organisationId"
       LEFT JOIN email_server_profile p
         ON p.id = COALESCE(m."emailServerProfileId",
              (SELECT d.id FROM email_server_profile d WHERE d."organisationId" = m."organisationId" AND d."isDefault" LIMIT 1))
      WHERE m."incomingMethod" = 'SERVER_SIDE_SYNC' AND m."enabledForIncoming" AND m."processingState" = 'ACTIVE'
        AND (NOT o."processApprovedMailboxesOnly" OR m."approvalStatus" = 'APPROVED')
        AND (m."backoffUntil" IS NULL OR m."backoffUntil" <= now())
        AND m."syncStage" IS NULL
        AND (m.id = ANY($2::uuid[]) OR m."lastSyncAttemptAt" IS NULL
             OR m."lastSyncAttemptAt" <= now() + make_interval(secs => $3)
                                         - make_interval(secs => COALESCE(p."minPollingIntervalSeconds", 60)))
      ORDER BY m."lastSyncAttemptAt" NULLS FIRST
      LIMIT $1`,
    [limit, released.map((row) => row.id), sweepMs / 1000],
  );
  return rows.map((row) => row.id);
}
