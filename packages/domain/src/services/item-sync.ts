import type { DataSource, EntityManager } from 'typeorm';
import type { SyncDecision } from '../entities/activity.entities.ts';
import type { ExchangeItemKind } from '../entities/activity.entities.ts';
import type { EventPublisher } from '../events.ts';
import {
  ExchangeError,
  type ExchangeGateway,
  type ExchangeItem,
  type ItemDeltaOptions,
  type ItemDeltaPage,
} from '../exchange-gateway.ts';
import { isEmptyChange, mergeFields, sameValue, type MergeResult } from '../rules/act-merge.rule.ts';
import { updateReturning } from './sql.ts';
import { publishTimelineChanges } from './timeline-events.ts';

/** What one run did, for logs and tests. */
export interface ActRunCounts {
  /** Writes to Exchange: creates, updates, deletes. */
  exchangeWrites: number;
  /** Writes to the CRM: creates, updates, deletes. */
  crmWrites: number;
  conflicts: number;
}

/** The mailbox a run syncs, as the kinds need it. */
export interface SyncMailbox {
  id: string;
  organisationId: string;
  ownerUserId: string;
  emailAddress: string;
  trackingTokenPrefix: string;
  actCursors: Record<string, string>;
}

/** A CRM row of a synced kind (`SELECT *`): the columns every synced table has, and its own. */
export interface CrmRow {
  id: string;
  version: number;
  updatedAt: Date;
  deletedAt: Date | null;
  regardingId: string | null;
  [column: string]: unknown;
}

/**
 * One kind of item both sides hold (tasks, appointments, contacts): how to read and write it in
 * Exchange, which CRM table holds it, and how the two map. The sync itself is the same for all.
 */
export interface SyncedKind<F extends object> {
  kind: ExchangeItemKind;
  /** The CRM table: it has id, organisationId, ownerUserId, version, updatedAt, deletedAt, syncDecision. */
  table: string;
  fields: readonly (keyof F & string)[];
  /** Where the delta cursor is kept in `mailbox.actCursors`. */
  cursorKey: string;
  /** The Exchange container the items live in (a To Do list id); kept under `${cursorKey}:container`. */
  container(gateway: ExchangeGateway, upn: string): Promise<string>;
  /**
   * The delta options of a first read (e.g. the calendar window); a cursor made with them is
   * dropped once `restartAfterMs` has passed, so a window moves on with time.
   */
  restartAfterMs?: number;
  delta(
    gateway: ExchangeGateway,
    upn: string,
    container: string,
    options: ItemDeltaOptions,
  ): AsyncIterable<ItemDeltaPage<ExchangeItem<F>>>;
  get(gateway: ExchangeGateway, upn: string, container: string, id: string): Promise<ExchangeItem<F> | null>;
  create(gateway: ExchangeGateway, upn: string, container: string, fields: F): Promise<ExchangeItem<F>>;
  update(
    gateway: ExchangeGateway,
    upn: string,
    container: string,
    id: string,
    changes: Partial<F>,
  ): Promise<ExchangeItem<F>>;
  remove(gateway: ExchangeGateway, upn: string, container: string, id: string): Promise<void>;
  /** The synced fields of a CRM row. */
  fieldsOf(row: CrmRow): F;
  /** The CRM columns (unquoted names) holding these field values; `row` is null for a new item. */
  columnsOf(
    db: EntityManager,
    mailbox: SyncMailbox,
    fields: Partial<F>,
    row: CrmRow | null,
    item: ExchangeItem<F> | null,
  ): Promise<Record<string, unknown>>;
  /**
   * Whether an Exchange item no CRM item is paired with comes into the CRM, with extra columns
   * (tasks: always; events: when tracked). Null: it stays in Exchange only.
   */
  admit(db: EntityManager, mailbox: SyncMailbox, item: ExchangeItem<F>): Promise<Record<string, unknown> | null>;
  /**
   * A removal in the delta may mean the item only left the synced set (an event moved out of the
   * calendar window): the item is then read to tell a delete from a move.
   */
  removalMayBeMove: boolean;
  /**
   * Whether deleting the Exchange item deletes the CRM item (tasks, appointments), or only ends the
   * pairing (contacts: a contact is a shared record, not the user's own; it stays in the CRM).
   */
  exchangeDeleteDeletesCrm: boolean;
  /**
   * Whether a CRM row lies in what the delta covers (the calendar window); a full read that does
   * not see a paired item only asks about those. All rows when absent.
   */
  inSyncedSet?(row: CrmRow): boolean;
  /**
   * A CRM item the unpaired Exchange item is the same as (a contact by its address), to pair them
   * rather than create a second one; none when absent.
   */
  match?(db: EntityManager, mailbox: SyncMailbox, item: ExchangeItem<F>): Promise<CrmRow | null>;
  /** Whether a CRM row shows on timelines (regarding a record, or a record among its attendees). */
  onTimelines(row: CrmRow): boolean;
}

/** What a run shares with the syncs of each kind. */
export interface SyncContext {
  dataSource: DataSource;
  events: EventPublisher;
  pageSize?: number;
  concurrency: number;
  counts: ActRunCounts;
  /** Problems that do not stop the run (an item Exchange refused). */
  warn?: (message: string) => void;
  renewLease(): Promise<void>;
  /** Saves `actCursors[key]` if the run still holds its lease (LeaseLost otherwise). */
  saveCursor(db: EntityManager, key: string, value: string): Promise<void>;
  forgetCursor(key: string): Promise<void>;
}

interface LinkRow {
  crmId: string;
  exchangeId: string | null;
  changeKey: string | null;
  crmVersion: number;
  base: Record<string, unknown>;
}

/** A CRM row to push, with its link (if any). */
type PushRow = CrmRow & {
  exchangeId: string | null;
  linked: boolean;
  linkVersion: number | null;
  base: Record<string, unknown> | null;
  changeKey: string | null;
};

/** CRM changes carried to Exchange per batch. */
const PUSH_BATCH = 200;

/**
 * Keeps one kind of CRM item and its Exchange counterpart in step, both ways, for one mailbox.
 *
 * A run first reads Exchange's delta (from the stored cursor, or in full), then carries CRM-side
 * changes to Exchange. Every pair has a link with both change markers: an Exchange change whose
 * changeKey is the one the sync itself wrote is an echo and is skipped; a CRM row whose version
 * is the one the sync last wrote or read has nothing to push. When both sides changed, the
 * three-way merge of rules/act-merge.rule.ts decides field by field and the decision is recorded
 * on the row. A delete on either side deletes the pair (a deleted item has no fields to merge).
 */
export class ItemSync<F extends object> {
  private readonly db: DataSource;

  constructor(
    private readonly spec: SyncedKind<F>,
    private readonly context: SyncContext,
    private readonly gateway: ExchangeGateway,
    private readonly mailbox: SyncMailbox,
  ) {
    this.db = context.dataSource;
  }

  private get counts(): ActRunCounts {
    return this.context.counts;
  }

  private get upn(): string {
    return this.mailbox.emailAddress;
  }

  async run(): Promise<void> {
    const containerKey = `${this.spec.cursorKey}:container`;
    let container = this.mailbox.actCursors[containerKey];
    if (container === undefined) {
      container = await this.spec.container(this.gateway, this.upn);
      await this.context.saveCursor(this.db.manager, containerKey, container);
    }
    let cursor = this.mailbox.actCursors[this.spec.cursorKey];
    const startedKey = `${this.spec.cursorKey}:since`;
    const started = Number(this.mailbox.actCursors[startedKey] ?? 0);
    if (
      cursor !== undefined &&
      this.spec.restartAfterMs !== undefined &&
      Date.now() - started > this.spec.restartAfterMs
    ) {
      // The delta's window was fixed when it started: read again, with the window moved on.
      await this.context.forgetCursor(this.spec.cursorKey);
      cursor = undefined;
    }
    if (cursor === undefined) await this.context.saveCursor(this.db.manager, startedKey, String(Date.now()));
    try {
      await this.pull(container, cursor);
    } catch (error) {
      if (!(error instanceof ExchangeError) || error.kind !== 'CURSOR_EXPIRED' || cursor === undefined) throw error;
      // Exchange dropped the sync state: read in full (links make it idempotent).
      await this.context.saveCursor(this.db.manager, startedKey, String(Date.now()));
      await this.pull(container, undefined);
    }
    await this.push(container);
  }

  /** Reads Exchange's changes page by page; a full read also finds items deleted while it was not watching. */
  private async pull(container: string, cursor: string | undefined): Promise<void> {
    const seen = new Set<string>();
    const pages = this.spec.delta(this.gateway, this.upn, container, {
      ...(cursor === undefined ? {} : { cursor }),
      ...(this.context.pageSize === undefined ? {} : { pageSize: this.context.pageSize }),
    });
    for await (const page of pages) {
      for (const item of page.items) seen.add(item.id);
      await this.applyPage(container, page.items, page.removedIds, page.cursor);
    }
    if (cursor === undefined) {
      const linked: { exchangeId: string }[] = await this.db.query(
        `SELECT "exchangeId" FROM exchange_link WHERE "mailboxId" = $1 AND kind = $2 AND "exchangeId" IS NOT NULL`,
        [this.mailbox.id, this.spec.kind],
      );
      let missing = linked.map((row) => row.exchangeId).filter((id) => !seen.has(id));
      if (missing.length > 0 && this.spec.inSyncedSet) {
        const links = await this.links(missing);
        const rows = await this.rows([...links.values()].map((l) => l.crmId));
        const covered = new Set(
          [...links.values()]
            .filter((l) => {
              const row = rows.get(l.crmId);
              return !row || this.spec.inSyncedSet!(row);
            })
            .map((l) => l.exchangeId),
        );
        missing = missing.filter((id) => covered.has(id));
      }
      if (missing.length > 0) await this.applyPage(container, [], missing, null);
    }
  }

  private async applyPage(
    container: string,
    pageItems: ExchangeItem<F>[],
    removedIds: string[],
    cursor: string | null,
  ) {
    const links = await this.links([...pageItems.map((i) => i.id), ...removedIds]);
    // A removal may be a move out of the synced set (an event moved beyond the window): a read
    // tells. A moved item is applied as a change; only one that is gone is a delete.
    const items = [...pageItems];
    let deletedIds = removedIds;
    if (this.spec.removalMayBeMove && removedIds.length > 0) {
      deletedIds = [];
      for (const id of removedIds.filter((removed) => links.has(removed))) {
        await this.context.renewLease();
        const moved = await this.spec.get(this.gateway, this.upn, container, id);
        if (moved === null) deletedIds.push(id);
        else items.push(moved);
      }
    }
    const pending = items.some((i) => !links.has(i.id)) ? await this.pendingCreates() : new Map<string, LinkRow>();
    const rows = await this.rows([...links.values()].map((l) => l.crmId));

    // Decisions are made first; Exchange writes happen before the transaction (they cannot roll back).
    const creates: ExchangeItem<F>[] = [];
    const adoptions: { link: LinkRow; item: ExchangeItem<F> }[] = [];
    const merges: { link: LinkRow; row: CrmRow; item: ExchangeItem<F>; result: MergeResult<F>; changeKey: string }[] =
      [];
    const pairedNow = new Set<string>();
    for (const item of items) {
      let link = links.get(item.id);
      let matched: CrmRow | null = null;
      if (!link) {
        const adopted = [...pending.values()].find((p) => this.sameFields(p.base, item.fields));
        if (adopted) {
          pending.delete(adopted.crmId);
          adoptions.push({ link: adopted, item });
          continue;
        }
        matched = (await this.spec.match?.(this.db.manager, this.mailbox, item)) ?? null;
        // Two unpaired cards for one contact in a page: the first pairs, the second is created.
        if (matched && pairedNow.has(matched.id)) matched = null;
        if (matched) pairedNow.add(matched.id);
        if (!matched) {
          creates.push(item);
          continue;
        }
        // The same item on both sides, never paired: paired now, the two merged field by field
        // from nothing in common (a field that differs goes to the side written last).
        link = { crmId: matched.id, exchangeId: null, changeKey: null, crmVersion: -1, base: {} };
      }
      if (link.changeKey === item.changeKey) continue; // our own write, or a change already applied
      const row = matched ?? rows.get(link.crmId);
      if (!row || row.deletedAt) continue; // deleted in the CRM: the push deletes it in Exchange
      const result = this.merge(link, row, item);
      let changeKey = item.changeKey;
      if (!isEmptyChange(result.toExchange)) {
        await this.context.renewLease();
        changeKey = (await this.spec.update(this.gateway, this.upn, container, item.id, result.toExchange)).changeKey;
        this.counts.exchangeWrites += 1;
      }
      merges.push({ link, row, item, result, changeKey });
    }

    const timeline = { created: [] as string[], updated: [] as string[] };
    await this.db.transaction(async (db) => {
      for (const item of creates) {
        const extra = await this.spec.admit(db, this.mailbox, item);
        if (extra === null) continue;
        const columns = { ...(await this.spec.columnsOf(db, this.mailbox, item.fields, null, item)), ...extra };
        const [created] = await updateReturning<{ id: string; version: number; regardingId: string | null }>(
          db,
          `INSERT INTO ${this.spec.table} ("organisationId", "ownerUserId", ${Object.keys(columns)
            .map((c) => `"${c}"`)
            .join(', ')})
           VALUES ($1, $2, ${Object.keys(columns)
             .map((_, i) => `$${i + 3}`)
             .join(', ')})
           RETURNING *`,
          [this.mailbox.organisationId, this.mailbox.ownerUserId, ...Object.values(columns).map(parameter)],
        );
        await this.saveLink(db, created!.id, item.id, item.changeKey, created!.version, item.fields);
        this.counts.crmWrites += 1;
        if (this.spec.onTimelines(created as unknown as CrmRow)) timeline.created.push(created!.id);
      }
      for (const { link, item } of adoptions) {
        await this.saveLink(db, link.crmId, item.id, item.changeKey, link.crmVersion, item.fields);
      }
      for (const { link, row, item, result, changeKey } of merges) {
        const version = await this.writeCrm(db, row, result, item);
        if (version !== null && version !== row.version && this.spec.onTimelines(row)) timeline.updated.push(row.id);
        // Edited in the CRM meanwhile: Exchange holds the merge, and the edit (a version past the
        // one read) is merged by the next run against it, not undone by our own Exchange write.
        await this.saveLink(db, link.crmId, item.id, changeKey, version ?? row.version, result.merged);
      }
      const removed = [...links.values()].filter((l) => l.exchangeId && deletedIds.includes(l.exchangeId));
      await this.deletePairs(
        db,
        removed.map((l) => l.crmId),
      );
      if (cursor !== null) await this.context.saveCursor(db, this.spec.cursorKey, cursor);
    });
    if (timeline.created.length + timeline.updated.length > 0)
      await publishTimelineChanges(this.db.manager, this.context.events, timeline);
  }

  /** Carries CRM-side creates, changes and deletes to Exchange. */
  private async push(container: string): Promise<void> {
    for (;;) {
      const changed: PushRow[] = await this.db.query(
        `SELECT t.*, l."exchangeId", l."crmId" IS NOT NULL AS linked, l."crmVersion" AS "linkVersion", l.base,
                l."changeKey"
           FROM ${this.spec.table} t
           LEFT JOIN exchange_link l ON l."mailboxId" = $1 AND l.kind = $4 AND l."crmId" = t.id
          WHERE t."organisationId" = $2 AND t."ownerUserId" = $3
            AND (l."crmId" IS NULL
                 OR (NOT l.detached AND (l."crmVersion" <> t.version OR (l."exchangeId" IS NULL AND l."lastError" IS NULL))))
          ORDER BY t."createdAt", t.id
          LIMIT $5`,
        [this.mailbox.id, this.mailbox.organisationId, this.mailbox.ownerUserId, this.spec.kind, PUSH_BATCH],
      );
      if (changed.length === 0) return;
      await inParallel(changed, this.context.concurrency, async (row) => {
        // Each Exchange write is made under a live lease: a run that lost it writes nothing more.
        await this.context.renewLease();
        try {
          await this.pushRow(container, row);
        } catch (error) {
          // Exchange refused this item as it is: it waits for its next CRM change, the rest goes on.
          if (!(error instanceof ExchangeError) || error.kind !== 'INVALID_REQUEST') throw error;
          await this.refused(row, error.message);
        }
      });
    }
  }

  /** One CRM change: a delete, a create, or a change merged with the Exchange item. */
  private async pushRow(container: string, row: PushRow): Promise<void> {
    if (row.deletedAt) {
      if (row.exchangeId) {
        await this.spec.remove(this.gateway, this.upn, container, row.exchangeId);
        this.counts.exchangeWrites += 1;
      }
      await this.db.transaction((db) => this.deletePairs(db, [row.id], true));
    } else if (!row.exchangeId) {
      await this.create(container, row, row.linked);
    } else {
      const link = {
        crmId: row.id,
        exchangeId: row.exchangeId,
        changeKey: row.changeKey,
        crmVersion: row.linkVersion!,
        base: row.base ?? {},
      };
      await this.pushChange(container, row, link);
    }
  }

  /** Keeps the pair (or the create in flight) at this CRM version with Exchange's reason. */
  private async refused(row: CrmRow, reason: string): Promise<void> {
    this.context.warn?.(`Exchange refused ${this.spec.kind.toLowerCase()} ${row.id}: ${reason}`);
    await this.db.query(
      `INSERT INTO exchange_link ("mailboxId", kind, "crmId", "organisationId", "exchangeId", "changeKey", "crmVersion", base, "lastError")
       VALUES ($1, $2, $3, $4, NULL, NULL, $5, $6, $7)
       ON CONFLICT ("mailboxId", kind, "crmId") DO UPDATE SET "crmVersion" = EXCLUDED."crmVersion", "lastError" = EXCLUDED."lastError"`,
      [
        this.mailbox.id,
        this.spec.kind,
        row.id,
        this.mailbox.organisationId,
        row.version,
        JSON.stringify(this.spec.fieldsOf(row)),
        reason.slice(0, 2000),
      ],
    );
  }

  /**
   * Creates the Exchange item of a CRM row. The link is written first without an Exchange id: if
   * the run dies after Exchange created the item, the next run's pull finds it and adopts it (same
   * fields) instead of creating a second one.
   */
  private async create(container: string, row: CrmRow, pendingLinkExists: boolean): Promise<void> {
    const fields = this.spec.fieldsOf(row);
    if (!pendingLinkExists) {
      await this.db.query(
        `INSERT INTO exchange_link ("mailboxId", kind, "crmId", "organisationId", "exchangeId", "changeKey", "crmVersion", base)
         VALUES ($1, $2, $3, $4, NULL, NULL, $5, $6) ON CONFLICT DO NOTHING`,
        [this.mailbox.id, this.spec.kind, row.id, this.mailbox.organisationId, row.version, JSON.stringify(fields)],
      );
    }
    const created = await this.spec.create(this.gateway, this.upn, container, fields);
    this.counts.exchangeWrites += 1;
    await this.db.transaction((db) => this.saveLink(db, row.id, created.id, created.changeKey, row.version, fields));
  }

  /** A CRM change to a paired item: merged with the Exchange item as it is now, then written where needed. */
  private async pushChange(container: string, row: CrmRow, link: LinkRow & { exchangeId: string }): Promise<void> {
    const current = await this.spec.get(this.gateway, this.upn, container, link.exchangeId);
    if (!current) {
      // Deleted in Exchange (the pull reports it too): the pair goes.
      await this.db.transaction((db) => this.deletePairs(db, [row.id]));
      return;
    }
    const result = this.merge(link, row, current);
    let changeKey = current.changeKey;
    if (!isEmptyChange(result.toExchange)) {
      changeKey = (await this.spec.update(this.gateway, this.upn, container, link.exchangeId, result.toExchange))
        .changeKey;
      this.counts.exchangeWrites += 1;
    }
    let timeline = false;
    await this.db.transaction(async (db) => {
      const version = await this.writeCrm(db, row, result, current);
      timeline = version !== null && version !== row.version && this.spec.onTimelines(row);
      // Edited again meanwhile: that edit is merged by the next run against what Exchange now holds.
      await this.saveLink(db, row.id, link.exchangeId, changeKey, version ?? row.version, result.merged);
    });
    if (timeline) await publishTimelineChanges(this.db.manager, this.context.events, { updated: [row.id] });
  }

  private merge(link: LinkRow, row: CrmRow, item: ExchangeItem<F>): MergeResult<F> {
    const base = link.base as Partial<F>;
    // At the version the sync last wrote or read, the CRM changed nothing: what it holds may
    // differ from the base only by what storing it did (text cut to the column, a placeholder
    // name), which must not travel back to Exchange as an edit.
    const crm = row.version === link.crmVersion ? { ...this.spec.fieldsOf(row), ...base } : this.spec.fieldsOf(row);
    return mergeFields(this.spec.fields, {
      base,
      crm,
      exchange: item.fields,
      crmModifiedAt: new Date(row.updatedAt),
      exchangeModifiedAt: item.lastModifiedAt,
    });
  }

  /**
   * Writes what the merge took from Exchange (and the decision, on a conflict) over the version
   * the merge read. Returns the row's version after it, or null when it changed meanwhile.
   */
  private async writeCrm(
    db: EntityManager,
    row: CrmRow,
    result: MergeResult<F>,
    item: ExchangeItem<F>,
  ): Promise<number | null> {
    if (isEmptyChange(result.toCrm) && result.conflicts.length === 0) return row.version;
    const columns = await this.spec.columnsOf(db, this.mailbox, result.toCrm, row, item);
    if (result.conflicts.length > 0) {
      const decision: SyncDecision = { at: new Date().toISOString(), fields: result.conflicts };
      columns['syncDecision'] = decision;
    }
    const names = Object.keys(columns);
    const written = await updateReturning<{ version: number }>(
      db,
      `UPDATE ${this.spec.table}
          SET ${names.map((name, i) => `"${name}" = $${i + 3}`).join(', ')}${names.length > 0 ? ',' : ''}
              "updatedAt" = now(), version = version + 1
        WHERE id = $1 AND version = $2 RETURNING version`,
      [row.id, row.version, ...Object.values(columns).map(parameter)],
    );
    if (written.length === 0) return null;
    this.counts.crmWrites += 1;
    this.counts.conflicts += result.conflicts.length;
    return written[0]!.version;
  }

  private sameFields(base: Record<string, unknown>, fields: F): boolean {
    return this.spec.fields.every((field) => sameValue(base[field], fields[field]));
  }

  private async links(exchangeIds: string[]): Promise<Map<string, LinkRow>> {
    if (exchangeIds.length === 0) return new Map();
    const rows: LinkRow[] = await this.db.query(
      `SELECT "crmId", "exchangeId", "changeKey", "crmVersion", base FROM exchange_link
        WHERE "mailboxId" = $1 AND kind = $2 AND "exchangeId" = ANY($3)`,
      [this.mailbox.id, this.spec.kind, exchangeIds],
    );
    return new Map(rows.map((row) => [row.exchangeId!, row]));
  }

  /** Links of creates in flight (Exchange id not known yet), by CRM id. */
  private async pendingCreates(): Promise<Map<string, LinkRow>> {
    const rows: LinkRow[] = await this.db.query(
      `SELECT "crmId", "exchangeId", "changeKey", "crmVersion", base FROM exchange_link
        WHERE "mailboxId" = $1 AND kind = $2 AND "exchangeId" IS NULL AND NOT detached`,
      [this.mailbox.id, this.spec.kind],
    );
    return new Map(rows.map((row) => [row.crmId, row]));
  }

  private async rows(ids: string[]): Promise<Map<string, CrmRow>> {
    if (ids.length === 0) return new Map();
    const rows: CrmRow[] = await this.db.query(`SELECT * FROM ${this.spec.table} WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async saveLink(
    db: EntityManager,
    crmId: string,
    exchangeId: string,
    changeKey: string,
    crmVersion: number,
    base: F,
  ): Promise<void> {
    await db.query(
      `INSERT INTO exchange_link ("mailboxId", kind, "crmId", "organisationId", "exchangeId", "changeKey", "crmVersion", base, "syncedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT ("mailboxId", kind, "crmId") DO UPDATE
         SET "exchangeId" = EXCLUDED."exchangeId", "changeKey" = EXCLUDED."changeKey",
             "crmVersion" = EXCLUDED."crmVersion", base = EXCLUDED.base, "lastError" = NULL, "syncedAt" = now()`,
      [
        this.mailbox.id,
        this.spec.kind,
        crmId,
        this.mailbox.organisationId,
        exchangeId,
        changeKey,
        crmVersion,
        JSON.stringify(base),
      ],
    );
  }

  /**
   * Ends pairs whose Exchange side is gone: the links go, and the CRM rows too where the kind says
   * so or the CRM side was deleted (a tombstone).
   */
  private async deletePairs(db: EntityManager, crmIds: string[], crmDeleted = false): Promise<void> {
    if (crmIds.length === 0) return;
    if (!crmDeleted && !this.spec.exchangeDeleteDeletesCrm) {
      // The CRM item stays, and is not sent back to Exchange: the pair is kept, detached.
      await db.query(
        `UPDATE exchange_link SET detached = true, "exchangeId" = NULL, "changeKey" = NULL, "syncedAt" = now()
          WHERE "mailboxId" = $1 AND kind = $2 AND "crmId" = ANY($3::uuid[])`,
        [this.mailbox.id, this.spec.kind, crmIds],
      );
      return;
    }
    await db.query(`DELETE FROM exchange_link WHERE "mailboxId" = $1 AND kind = $2 AND "crmId" = ANY($3::uuid[])`, [
      this.mailbox.id,
      this.spec.kind,
      crmIds,
    ]);
    const deleted = await updateReturning<{ id: string }>(
      db,
      `DELETE FROM ${this.spec.table} WHERE id = ANY($1::uuid[]) AND "organisationId" = $2 RETURNING id`,
      [crmIds, this.mailbox.organisationId],
    );
    this.counts.crmWrites += deleted.length;
  }
}

/** A column value as a query parameter: objects and arrays as JSON (for jsonb columns). */
function parameter(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value;
}

/**
 * Runs `work` over the items, `concurrency` at a time. After a failure no lane starts another
 * item (the run is about to give its lease up); the first failure is thrown once all have stopped.
 */
async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length && failure === null) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  });
  await Promise.all(lanes);
  if (failure !== null) throw (failure as { error: unknown }).error;
}
