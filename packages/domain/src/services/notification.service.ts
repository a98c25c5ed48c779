import type { DataSource, EntityManager } from 'typeorm';
import { Notification } from '../entities/notification.entity.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { Principal } from '../principal.ts';
import { decodeCursor, encodeCursor, pageSize, type Page } from './pagination.ts';

export interface NewNotification {
  organisationId: string;
  userId: string;
  kind: string;
  title: string;
  message: string;
  data?: Record<string, unknown>;
}

/** Writes a notification inside the caller's transaction; the caller publishes it after commit. */
export function addNotification(manager: EntityManager, input: NewNotification): Promise<Notification> {
  const repository = manager.getRepository(Notification);
  return repository.save(repository.create({ ...input, data: input.data ?? {} }));
}

export class NotificationService {
  constructor(private readonly dataSource: DataSource) {}

  /** The signed-in user's notifications, newest first. */
  async list(
    principal: Principal,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Notification> & { unreadCount: number }> {
    const limit = pageSize(first);
    const base = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.userId = :me AND n.organisationId = :org', { me: principal.userId, org: principal.organisationId });
    const [totalCount, unreadCount] = await Promise.all([
      base.clone().getCount(),
      base.clone().andWhere('n.readAt IS NULL').getCount(),
    ]);
    if (after) {
      const [createdAt, id] = decodeCursor(after, 2);
      base.andWhere('(n.createdAt, n.id) < (:createdAt, :id)', { createdAt, id });
    }
    const rows = await base
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return {
      items: rows.slice(0, limit),
      hasNextPage: rows.length > limit,
      totalCount,
      unreadCount,
      cursorOf: (n) => encodeCursor([n.createdAt.toISOString(), n.id]),
    };
  }

  /** A notification of the signed-in user, or null. */
  async get(principal: Principal, id: string): Promise<Notification | null> {
    if (!isUuid(id)) return null;
    return this.dataSource
      .getRepository(Notification)
      .findOneBy({ id, userId: principal.userId, organisationId: principal.organisationId });
  }

  async markRead(principal: Principal, ids: readonly string[], now = new Date()): Promise<number> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return 0;
    // Only the caller's own notifications: any other id is not found, and nothing is marked.
    const [{ mine }] = (await this.dataSource.query(
      `SELECT count(*)::int AS mine FROM notification WHERE id = ANY($1::uuid[]) AND "userId" = $2`,
      [valid, principal.userId],
    )) as [{ mine: number }];
    if (mine < valid.length || valid.length < ids.length)
      throw new DomainError('NOT_FOUND', 'Some of those notifications were not found.');
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: now })
      .where('id IN (:...valid) AND "userId" = :me AND "readAt" IS NULL', { valid, me: principal.userId })
      .execute();
    return result.affected ?? 0;
  }

  /** Marks every unread notification of the signed-in user read, not only those on screen; returns how many changed. */
  async markAllRead(principal: Principal, now = new Date()): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: now })
      .where('"userId" = :me AND "organisationId" = :org AND "readAt" IS NULL', {
        me: principal.userId,
        org: principal.organisationId,
      })
      .execute();
    return result.affected ?? 0;
  }
}
