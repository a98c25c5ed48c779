import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import { Task } from '../entities/task.entities.ts';
import type { EventPublisher } from '../events.ts';
import {
  ExchangeError,
  type ExchangeGateway,
  type ExchangeGatewayFactory,
  type ExchangeTask,
  type TaskFields,
} from '../exchange-gateway.ts';
import { isEmptyChange, mergeFields, type MergeResult } from '../rules/act-merge.rule.ts';
import { LeaseLost } from './email-ingest.service.ts';
import { profileConnection, profileOf } from './exchange-connection.ts';
import { recordMailboxFailure } from './mailbox-failure.ts';
import { SYNC_LEASE_MS, type SyncRunResult } from './mailbox-sync.runner.ts';
import type { SecretCipher } from './secret-cipher.ts';
import { updateReturning } from './sql.ts';
import { taskColumnsOf, taskFieldsOf } from './task.service.ts';
import { publishTimelineChanges } from './timeline-events.ts';

export interface ActSyncOptions {
  pageSize?: number;
  leaseMs?: number;
  /** Exchange writes in flight per run (Exchange allows 4 concurrent requests per mailbox). */
  concurrency?: number;
  onWarning?: (message: string) => void;
}

/** What one run did, for logs and tests. */
export interface ActRunCounts {
  /** Writes to Exchange: creates, updates, deletes. */
  exchangeWrites: number;
  /** Writes to the CRM: creates, updates, deletes. */
  crmWrites: number;
  conflicts: number;
}

const TASK_FIELDS = [
  'subject',
  'body',
  'dueAt',
  'status',
  'importance',
] as const satisfies readonly (keyof TaskFields)[];
const CURSOR = { taskList: 'tasks:list', tasks: 'tasks' } as const;
/** CRM-side changes handled per batch of the push. */
const PUSH_BATCH = 200;

interface LinkRow {
  crmId: string;
  exchangeId: string | null;
  changeKey: string | null;
  crmVersion: number;
  base: Partial<TaskFields>;
}

/**
 * Keeps a mailbox owner's CRM tasks and their default To Do list in step, both ways.
 *
 * A run first reads To Do's delta (from the stored cursor, or in full), then carries CRM-side
 * changes to Exchange. Every pair has a link with both change markers: an Exchange change whose
 * changeKey is the one the sync itself wrote is an echo and is skipped; a CRM task whose version
 * is the one the sync last wrote or read has nothing to push. When both sides changed, the
 * three-way merge of rules/act-merge.rule.ts decides field by field and the decision is recorded
 * on the task. A delete on either side deletes the pair (a deleted item has no fields to merge).
 * The run holds its own lease (`mailbox.actSyncStage`), so ACT and email sync run independently.
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
        options: this.options,
        counts: this.counts,
      };
      await new TaskSync(context, gateway, mailbox as Mailbox & { ownerUserId: string }, lease).run();
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
}

/** What a run shares with the syncs of each kind. */
interface SyncContext {
  dataSource: DataSource;
  events: EventPublisher;
  options: ActSyncOptions;
  counts: ActRunCounts;
}

/** One run of the task half: pull To Do's changes, then push the CRM's. */
class TaskSync {
  private readonly db: DataSource;
  private readonly upn: string;

  constructor(
    private readonly context: SyncContext,
    private readonly gateway: ExchangeGateway,
    private readonly mailbox: Mailbox & { ownerUserId: string },
    private readonly lease: string,
  ) {
    this.db = context.dataSource;
    this.upn = mailbox.emailAddress;
  }

  private get counts() {
    return this.context.counts;
  }

  async run(): Promise<void> {
    let listId = this.mailbox.actCursors[CURSOR.taskList];
    if (!listId) {
      listId = await this.gateway.defaultTaskList(this.upn);
      await this.saveCursor(this.db.manager, CURSOR.taskList, listId);
    }
    const cursor = this.mailbox.actCursors[CURSOR.tasks];
    try {
      await this.pull(listId, cursor);
    } catch (error) {
      if (!(error instanceof ExchangeError) || error.kind !== 'CURSOR_EXPIRED' || cursor === undefined) throw error;
      // Exchange dropped the sync state: read the list in full (links make it idempotent).
      await this.pull(listId, undefined);
    }
    await this.push(listId);
  }

  /** Reads To Do's changes page by page; a full read also finds tasks deleted while it was not watching. */
  private async pull(listId: string, cursor: string | undefined): Promise<void> {
    const full = cursor === undefined;
    const seen = new Set<string>();
    const pages = this.gateway.taskDelta(this.upn, listId, {
      ...(cursor === undefined ? {} : { cursor }),
      ...(this.context.options.pageSize === undefined ? {} : { pageSize: this.context.options.pageSize }),
    });
    for await (const page of pages) {
      for (const item of page.items) seen.add(item.id);
      await this.applyPage(listId, page.items, page.removedIds, page.cursor);
    }
    if (full) {
      const gone: { exchangeId: string }[] = await this.db.query(
        `SELECT "exchangeId" FROM exchange_link WHERE "mailboxId" = $1 AND kind = 'TASK' AND "exchangeId" IS NOT NULL`,
        [this.mailbox.id],
      );
      const removed = gone.map((row) => row.exchangeId).filter((id) => !seen.has(id));
      if (removed.length > 0) await this.applyPage(listId, [], removed, null);
    }
  }

  private async applyPage(listId: string, items: ExchangeTask[], removedIds: string[], cursor: string | null) {
    const links = await this.links('exchangeId', [...items.map((i) => i.id), ...removedIds]);
    const pending = items.some((i) => !links.has(i.id)) ? await this.pendingCreates() : new Map<string, LinkRow>();
    const linkedTasks = await this.tasks([...links.values()].map((l) => l.crmId));

    /** Decisions made before the transaction; Exchange writes happen first (they cannot roll back). */
    const creates: ExchangeTask[] = [];
    const adoptions: { link: LinkRow; item: ExchangeTask }[] = [];
    const merges: {
      link: LinkRow;
      task: Task;
      item: ExchangeTask;
      result: MergeResult<TaskFields>;
      changeKey: string;
    }[] = [];
    for (const item of items) {
      const link = links.get(item.id);
      if (!link) {
        const adopted = [...pending.values()].find((p) => sameTask(p.base, item.fields));
        if (adopted) {
          pending.delete(adopted.crmId);
          adoptions.push({ link: adopted, item });
        } else {
          creates.push(item);
        }
        continue;
      }
      if (link.changeKey === item.changeKey) continue; // our own write, or a change already applied
      const task = linkedTasks.get(link.crmId);
      if (!task || task.deletedAt) continue; // deleted in the CRM: the push deletes it in Exchange
      const result = mergeFields(TASK_FIELDS, {
        base: link.base,
        crm: taskFieldsOf(task),
        exchange: item.fields,
        crmModifiedAt: task.updatedAt,
        exchangeModifiedAt: item.lastModifiedAt,
      });
      let changeKey = item.changeKey;
      if (!isEmptyChange(result.toExchange)) {
        await this.renewLease();
        changeKey = (await this.gateway.updateTask(this.upn, listId, item.id, result.toExchange)).changeKey;
        this.counts.exchangeWrites += 1;
      }
      merges.push({ link, task, item, result, changeKey });
    }

    const timeline = { created: [] as string[], updated: [] as string[] };
    await this.db.transaction(async (db) => {
      for (const item of creates) {
        const task = await db.getRepository(Task).save(
          db.getRepository(Task).create({
            organisationId: this.mailbox.organisationId,
            ownerUserId: this.mailbox.ownerUserId,
            ...(taskColumnsOf(item.fields, { completedAt: null }) as Partial<Task>),
            completedAt: item.fields.status === 'COMPLETED' ? item.lastModifiedAt : null,
          }),
        );
        await this.saveLink(db, task.id, item.id, item.changeKey, task.version, item.fields);
        this.counts.crmWrites += 1;
      }
      for (const { link, item } of adoptions) {
        await this.saveLink(db, link.crmId, item.id, item.changeKey, link.crmVersion, item.fields);
      }
      for (const { link, task, item, result, changeKey } of merges) {
        let version = task.version;
        if (!isEmptyChange(result.toCrm) || result.conflicts.length > 0) {
          // Only over the version the merge read: a user's edit since then is merged by the next run.
          const decision =
            result.conflicts.length > 0 ? { at: new Date().toISOString(), fields: result.conflicts } : undefined;
          const written = await updateReturning<{ version: number }>(
            db,
            `UPDATE task SET ${assignments(taskColumnsOf(result.toCrm, task), decision)}, "updatedAt" = now(),
                    version = version + 1
              WHERE id = $1 AND version = $2 RETURNING version`,
            [task.id, task.version, ...values(taskColumnsOf(result.toCrm, task), decision)],
          );
          if (written.length === 0) continue;
          version = written[0]!.version;
          this.counts.crmWrites += 1;
          this.counts.conflicts += result.conflicts.length;
          if (task.regardingId) timeline.updated.push(task.id);
        }
        await this.saveLink(db, link.crmId, item.id, changeKey, version, result.merged);
      }
      if (removedIds.length > 0) {
        const removed = [...links.values()].filter((l) => l.exchangeId && removedIds.includes(l.exchangeId));
        await this.deletePairs(
          db,
          removed.map((l) => l.crmId),
        );
      }
      if (cursor !== null) await this.saveCursor(db, CURSOR.tasks, cursor);
    });
    if (timeline.updated.length > 0) await publishTimelineChanges(this.db.manager, this.context.events, timeline);
  }

  /** Carries CRM-side creates, changes and deletes to To Do. */
  private async push(listId: string): Promise<void> {
    for (;;) {
      const changed: (Task & {
        exchangeId: string | null;
        linked: boolean;
        linkVersion: number | null;
        base: Partial<TaskFields> | null;
        changeKey: string | null;
      })[] = await this.db.query(
        `SELECT t.*, l."exchangeId", l."crmId" IS NOT NULL AS linked, l."crmVersion" AS "linkVersion", l.base,
                  l."changeKey"
             FROM task t
             LEFT JOIN exchange_link l ON l."mailboxId" = $1 AND l.kind = 'TASK' AND l."crmId" = t.id
            WHERE t."organisationId" = $2 AND t."ownerUserId" = $3
              AND (l."crmId" IS NULL OR l."exchangeId" IS NULL OR l."crmVersion" <> t.version)
            ORDER BY t."createdAt", t.id
            LIMIT $4`,
        [this.mailbox.id, this.mailbox.organisationId, this.mailbox.ownerUserId, PUSH_BATCH],
      );
      if (changed.length === 0) return;
      await this.renewLease();
      await inParallel(changed, this.context.options.concurrency ?? 4, async (row) => {
        const task = { ...row, dueAt: row.dueAt ? new Date(row.dueAt) : null, updatedAt: new Date(row.updatedAt) };
        if (task.deletedAt) {
          if (task.exchangeId) {
            await this.gateway.deleteTask(this.upn, listId, task.exchangeId);
            this.counts.exchangeWrites += 1;
          }
          await this.db.transaction((db) => this.deletePairs(db, [task.id]));
          return;
        }
        if (!task.exchangeId) {
          await this.create(listId, task, task.linked);
          return;
        }
        await this.pushChange(listId, task, {
          crmId: task.id,
          exchangeId: task.exchangeId,
          changeKey: task.changeKey,
          crmVersion: task.linkVersion!,
          base: task.base ?? {},
        });
      });
    }
  }

  /**
   * Creates the To Do task of a CRM task. The link is written first without an Exchange id: if the
   * run dies after Exchange created the task, the next run's pull finds it and adopts it (same
   * fields) instead of creating a second one.
   */
  private async create(listId: string, task: Task, pendingLinkExists: boolean): Promise<void> {
    const fields = taskFieldsOf(task);
    if (!pendingLinkExists) {
      await this.db.query(
        `INSERT INTO exchange_link ("mailboxId", kind, "crmId", "organisationId", "exchangeId", "changeKey", "crmVersion", base)
         VALUES ($1, 'TASK', $2, $3, NULL, NULL, $4, $5) ON CONFLICT DO NOTHING`,
        [this.mailbox.id, task.id, this.mailbox.organisationId, task.version, JSON.stringify(fields)],
      );
    }
    const created = await this.gateway.createTask(this.upn, listId, fields);
    this.counts.exchangeWrites += 1;
    await this.db.transaction((db) => this.saveLink(db, task.id, created.id, created.changeKey, task.version, fields));
  }

  /** A CRM change to a linked task: merged with the To Do task as it is now, then written where needed. */
  private async pushChange(listId: string, task: Task, link: LinkRow & { exchangeId: string }): Promise<void> {
    const current = await this.gateway.getTask(this.upn, listId, link.exchangeId);
    if (!current) {
      // Deleted in To Do (the pull will report it too): the pair goes.
      await this.db.transaction((db) => this.deletePairs(db, [task.id]));
      return;
    }
    const result = mergeFields(TASK_FIELDS, {
      base: link.base,
      crm: taskFieldsOf(task),
      exchange: current.fields,
      crmModifiedAt: task.updatedAt,
      exchangeModifiedAt: current.lastModifiedAt,
    });
    let changeKey = current.changeKey;
    if (!isEmptyChange(result.toExchange)) {
      changeKey = (await this.gateway.updateTask(this.upn, listId, link.exchangeId, result.toExchange)).changeKey;
      this.counts.exchangeWrites += 1;
    }
    let updated = false;
    await this.db.transaction(async (db) => {
      let version = task.version;
      if (!isEmptyChange(result.toCrm) || result.conflicts.length > 0) {
        const decision =
          result.conflicts.length > 0 ? { at: new Date().toISOString(), fields: result.conflicts } : undefined;
        const written = await updateReturning<{ version: number }>(
          db,
          `UPDATE task SET ${assignments(taskColumnsOf(result.toCrm, task), decision)}, "updatedAt" = now(),
                  version = version + 1
            WHERE id = $1 AND version = $2 RETURNING version`,
          [task.id, task.version, ...values(taskColumnsOf(result.toCrm, task), decision)],
        );
        if (written.length === 0) return; // edited again meanwhile: the next run merges that too
        version = written[0]!.version;
        this.counts.crmWrites += 1;
        this.counts.conflicts += result.conflicts.length;
        updated = true;
      }
      await this.saveLink(db, task.id, link.exchangeId, changeKey, version, result.merged);
    });
    if (updated && task.regardingId)
      await publishTimelineChanges(this.db.manager, this.context.events, { updated: [task.id] });
  }

  private async links(by: 'exchangeId' | 'crmId', ids: string[]): Promise<Map<string, LinkRow>> {
    if (ids.length === 0) return new Map();
    const rows: LinkRow[] = await this.db.query(
      `SELECT "crmId", "exchangeId", "changeKey", "crmVersion", base FROM exchange_link
        WHERE "mailboxId" = $1 AND kind = 'TASK' AND "${by}" = ANY($2)`,
      [this.mailbox.id, ids],
    );
    return new Map(rows.map((row) => [by === 'exchangeId' ? row.exchangeId! : row.crmId, row]));
  }

  /** Links of creates in flight (Exchange id not known yet), by CRM id. */
  private async pendingCreates(): Promise<Map<string, LinkRow>> {
    const rows: LinkRow[] = await this.db.query(
      `SELECT "crmId", "exchangeId", "changeKey", "crmVersion", base FROM exchange_link
        WHERE "mailboxId" = $1 AND kind = 'TASK' AND "exchangeId" IS NULL`,
      [this.mailbox.id],
    );
    return new Map(rows.map((row) => [row.crmId, row]));
  }

  private async tasks(ids: string[]): Promise<Map<string, Task>> {
    if (ids.length === 0) return new Map();
    const tasks = await this.db
      .getRepository(Task)
      .createQueryBuilder('t')
      .where('t.id = ANY(:ids)', { ids })
      .getMany();
    return new Map(tasks.map((t) => [t.id, t]));
  }

  private async saveLink(
    db: EntityManager,
    crmId: string,
    exchangeId: string,
    changeKey: string,
    crmVersion: number,
    base: TaskFields,
  ): Promise<void> {
    await db.query(
      `INSERT INTO exchange_link ("mailboxId", kind, "crmId", "organisationId", "exchangeId", "changeKey", "crmVersion", base, "syncedAt")
       VALUES ($1, 'TASK', $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT ("mailboxId", kind, "crmId") DO UPDATE
         SET "exchangeId" = EXCLUDED."exchangeId", "changeKey" = EXCLUDED."changeKey",
             "crmVersion" = EXCLUDED."crmVersion", base = EXCLUDED.base, "syncedAt" = now()`,
      [this.mailbox.id, crmId, this.mailbox.organisationId, exchangeId, changeKey, crmVersion, JSON.stringify(base)],
    );
  }

  /** Removes CRM tasks and their links (the Exchange side is already gone). */
  private async deletePairs(db: EntityManager, crmIds: string[]): Promise<void> {
    if (crmIds.length === 0) return;
    await db.query(`DELETE FROM exchange_link WHERE "mailboxId" = $1 AND kind = 'TASK' AND "crmId" = ANY($2::uuid[])`, [
      this.mailbox.id,
      crmIds,
    ]);
    const deleted = await updateReturning<{ id: string }>(
      db,
      `DELETE FROM task WHERE id = ANY($1::uuid[]) AND "organisationId" = $2 RETURNING id`,
      [crmIds, this.mailbox.organisationId],
    );
    this.counts.crmWrites += deleted.length;
  }

  private async saveCursor(db: EntityManager, key: string, value: string): Promise<void> {
    const saved = await updateReturning<{ id: string }>(
      db,
      `UPDATE mailbox SET "actCursors" = "actCursors" || jsonb_build_object($2::text, $3::text),
              "actSyncStageStartedAt" = now()
        WHERE id = $1 AND "actSyncStage" = $4 RETURNING id`,
      [this.mailbox.id, key, value, this.lease],
    );
    if (saved.length === 0) throw new LeaseLost(this.mailbox.id);
  }

  private async renewLease(): Promise<void> {
    const renewed = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE mailbox SET "actSyncStageStartedAt" = now() WHERE id = $1 AND "actSyncStage" = $2 RETURNING id`,
      [this.mailbox.id, this.lease],
    );
    if (renewed.length === 0) throw new LeaseLost(this.mailbox.id);
  }
}

/** A create in flight and a To Do task are the same task when every synced field matches. */
function sameTask(base: Partial<TaskFields>, fields: TaskFields): boolean {
  return TASK_FIELDS.every((field) => JSON.stringify(base[field] ?? null) === JSON.stringify(fields[field] ?? null));
}

const COLUMN_NAMES: Record<string, string> = {
  subject: 'subject',
  description: 'description',
  dueAt: '"dueAt"',
  status: 'status',
  importance: 'importance',
  completedAt: '"completedAt"',
  syncDecision: '"syncDecision"',
};

/** `col = $3, col = $4…` for the given columns (parameters from $3 on, after id and version). */
function assignments(columns: Partial<Task>, decision: Task['syncDecision'] | undefined): string {
  const names = [...Object.keys(columns), ...(decision ? ['syncDecision'] : [])];
  if (names.length === 0) return 'version = version';
  return names.map((name, i) => `${COLUMN_NAMES[name]} = $${i + 3}`).join(', ');
}

function values(columns: Partial<Task>, decision: Task['syncDecision'] | undefined): unknown[] {
  return [...Object.values(columns), ...(decision ? [JSON.stringify(decision)] : [])];
}

async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(lanes);
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
