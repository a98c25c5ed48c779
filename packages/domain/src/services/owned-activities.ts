import type { DataSource, EntityTarget } from 'typeorm';
import { DomainError, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { isAdministrator, type Principal } from '../principal.ts';
import { CrmRecordService } from './crm-records.service.ts';
import { decodeCursor, encodeCursor, pageSize, type Page } from './pagination.ts';

/** What tasks and appointments have in common: one owner, an optional record, a tombstone. */
export interface OwnedActivity {
  id: string;
  organisationId: string;
  ownerUserId: string;
  regardingId: string | null;
  createdAt: Date;
  deletedAt: Date | null;
}

/** Something the CRM side changed that the owner's ACT sync should carry to Exchange soon. */
export interface ActChangeListener {
  crmChanged(organisationId: string, ownerUserId: string): Promise<void>;
}

/**
 * Reading and guarding the activities of one table (`task`, `appointment`): who may see one
 * (its owner, an administrator, anyone who may see its record), who may change it (its owner or
 * an administrator), the owner's list, and deletes kept as tombstones until the sync removed the
 * Exchange item.
 */
export class OwnedActivities<T extends OwnedActivity> {
  private readonly records: CrmRecordService;

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T> & { name: string },
    private readonly table: string,
    /** How messages name it: "task", "appointment". */
    private readonly noun: string,
    /** Other records whose visibility shows it (an appointment's attending contacts, leads, accounts). */
    private readonly alsoOn: (row: T) => string[] = () => [],
  ) {
    this.records = new CrmRecordService(dataSource);
  }

  async get(principal: Principal, id: string): Promise<T | null> {
    if (!isUuid(id)) return null;
    const found = (await this.dataSource
      .getRepository(this.entity)
      .findOneBy({ id, organisationId: principal.organisationId } as never)) as T | null;
    if (!found || found.deletedAt) return null;
    if (found.ownerUserId === principal.userId || isAdministrator(principal)) return found;
    // Like a timeline: on a record the user may see, unless regarding one they may not.
    if (found.regardingId) {
      return (await this.records.recordNames(principal, [found.regardingId])).size > 0 ? found : null;
    }
    const others = this.alsoOn(found);
    return others.length > 0 && (await this.records.recordNames(principal, others)).size > 0 ? found : null;
  }

  async owned(principal: Principal, id: string): Promise<T> {
    const found = await this.get(principal, id);
    if (!found) throw notFound(`That ${this.noun}`);
    if (found.ownerUserId !== principal.userId && !isAdministrator(principal))
      throw new DomainError('FORBIDDEN', `Only the ${this.noun}'s owner can change it.`);
    return found;
  }

  /** The signed-in user's, newest first. */
  async mine(principal: Principal, first?: number | null, after?: string | null): Promise<Page<T>> {
    const limit = pageSize(first);
    const key = after ? decodeCursor(after, 2) : null;
    const [{ count }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM ${this.table}
        WHERE "organisationId" = $1 AND "ownerUserId" = $2 AND "deletedAt" IS NULL`,
      [principal.organisationId, principal.userId],
    )) as [{ count: number }];
    const rows = (await this.dataSource
      .getRepository(this.entity)
      .createQueryBuilder('a')
      .where('a."organisationId" = :org AND a."ownerUserId" = :user AND a."deletedAt" IS NULL', {
        org: principal.organisationId,
        user: principal.userId,
      })
      // Rows written in one transaction share a creation time to the microsecond, and a cursor
      // holds milliseconds: order and compare at the cursor's precision, the id breaking ties.
      .andWhere(
        key ? `(date_trunc('milliseconds', a."createdAt"), a.id) < (:at, :id)` : 'true',
        key ? { at: key[0], id: key[1] } : {},
      )
      .orderBy(`date_trunc('milliseconds', a."createdAt")`, 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany()) as T[];
    return {
      items: rows.slice(0, limit),
      hasNextPage: rows.length > limit,
      totalCount: count,
      cursorOf: (row) => encodeCursor([row.createdAt.toISOString(), row.id]),
    };
  }

  /** Deletes in the CRM; the sync deletes the Exchange item, then the row. */
  async delete(principal: Principal, id: string): Promise<T> {
    const found = await this.owned(principal, id);
    await this.dataSource.query(
      `UPDATE ${this.table} SET "deletedAt" = now(), "updatedAt" = now(), version = version + 1 WHERE id = $1`,
      [found.id],
    );
    return found;
  }

  /** Writes changed columns, raising the version; returns the row as written. */
  async write(id: string, columns: Record<string, unknown>): Promise<T> {
    await this.dataSource
      .getRepository(this.entity)
      .createQueryBuilder()
      .update()
      .set({ ...columns, updatedAt: () => 'now()', version: () => 'version + 1' } as never)
      .where('id = :id', { id })
      .execute();
    return (await this.dataSource.getRepository(this.entity).findOneByOrFail({ id } as never)) as T;
  }
}
