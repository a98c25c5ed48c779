import { Brackets, type DataSource } from 'typeorm';
import { MailboxAlert } from '../entities/mailbox-alert.entity.ts';
import { MailboxSyncRun, SYNC_HISTORY_LIMIT } from '../entities/mailbox-sync-run.entity.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { User } from '../entities/user.entity.ts';
import type { ApprovalStatus, TestRunStatus } from '../enums.ts';
import { DomainError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { isAdministrator, isManager, type Principal } from '../principal.ts';
import { containsPattern, decodeCursor, encodeCursor, pageSize, type Page } from './pagination.ts';

export interface MailboxFilter {
  testRunStatus?: TestRunStatus | null;
  approvalStatus?: ApprovalStatus | null;
  /** Case-insensitive match on the email address or the owner's display name. */
  search?: string | null;
}

export class MailboxService {
  constructor(private readonly dataSource: DataSource) {}

  private visible(principal: Principal) {
    const query = this.dataSource
      .getRepository(Mailbox)
      .createQueryBuilder('mailbox')
      .where('mailbox.organisationId = :org', { org: principal.organisationId });
    // Administrators see every mailbox of their organisation; managers their own and their team's
    // (users whose manager they are); everyone else their own.
    if (isAdministrator(principal)) return query;
    if (isManager(principal)) {
      return query.andWhere(
        `(mailbox.ownerUserId = :me OR mailbox.ownerUserId IN (SELECT id FROM app_user WHERE "managerUserId" = :me AND "organisationId" = :org))`,
        { me: principal.userId },
      );
    }
    return query.andWhere('mailbox.ownerUserId = :me', { me: principal.userId });
  }

  /** Mailboxes ordered by email address, keyset-paged. */
  async list(
    principal: Principal,
    filter: MailboxFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Mailbox>> {
    const limit = pageSize(first);
    const query = this.visible(principal);
    if (filter?.testRunStatus) query.andWhere('mailbox.testRunStatus = :trs', { trs: filter.testRunStatus });
    if (filter?.approvalStatus) query.andWhere('mailbox.approvalStatus = :as', { as: filter.approvalStatus });
    const search = filter?.search?.trim().toLowerCase();
    if (search) {
      const pattern = containsPattern(search);
      query.leftJoin(User, 'owner', 'owner.id = mailbox.ownerUserId').andWhere(
        new Brackets((where) => {
          where
            .where('mailbox.emailAddressLower LIKE :pattern', { pattern })
            .orWhere('lower(owner.displayName) LIKE :pattern', { pattern });
        }),
      );
    }
    const totalCount = await query.clone().getCount();
    if (after) {
      const [email, id] = decodeCursor(after, 2);
      query.andWhere('(mailbox.emailAddressLower, mailbox.id) > (:email, :id)', { email, id });
    }
    const rows = await query
      .orderBy('mailbox.emailAddressLower', 'ASC')
      .addOrderBy('mailbox.id', 'ASC')
      .take(limit + 1)
      .getMany();
    return {
      items: rows.slice(0, limit),
      hasNextPage: rows.length > limit,
      totalCount,
      cursorOf: (mailbox) => encodeCursor([mailbox.emailAddressLower, mailbox.id]),
    };
  }

  /** One mailbox the principal may see, or null (never another organisation's). */
  async get(principal: Principal, id: string): Promise<Mailbox | null> {
    if (!isUuid(id)) return null;
    return this.visible(principal).andWhere('mailbox.id = :id', { id }).getOne();
  }

  /**
   * Dismisses an open alert on a mailbox the principal may see (administrators: any of the
   * organisation; others: their own). Returns the mailbox, for the caller to publish.
   */
  async dismissAlert(principal: Principal, alertId: string, now = new Date()): Promise<Mailbox> {
    const alert = isUuid(alertId)
      ? await this.dataSource
          .getRepository(MailboxAlert)
          .findOneBy({ id: alertId, organisationId: principal.organisationId })
      : null;
    const mailbox = alert ? await this.get(principal, alert.mailboxId) : null;
    if (!alert || !mailbox) throw new DomainError('NOT_FOUND', 'That alert was not found.');
    if (!alert.dismissedAt)
      await this.dataSource.getRepository(MailboxAlert).update({ id: alert.id }, { dismissedAt: now });
    return mailbox;
  }

  /** Open alerts of many mailboxes, newest first, in one query. */
  async alertsOf(principal: Principal, mailboxIds: readonly string[]): Promise<Map<string, MailboxAlert[]>> {
    const result = new Map<string, MailboxAlert[]>(mailboxIds.map((id) => [id, []]));
    if (mailboxIds.length === 0) return result;
    const alerts = await this.dataSource
      .getRepository(MailboxAlert)
      .createQueryBuilder('alert')
      .where('alert.mailboxId IN (:...ids)', { ids: mailboxIds })
      .andWhere('alert.organisationId = :org', { org: principal.organisationId })
      .andWhere('alert.dismissedAt IS NULL')
      .orderBy('alert.lastOccurredAt', 'DESC')
      .getMany();
    for (const alert of alerts) result.get(alert.mailboxId)?.push(alert);
    return result;
  }

  /**
   * A mailbox's newest recorded sync runs (at most SYNC_HISTORY_LIMIT are kept). The caller passes
   * a mailbox the principal may see; the organisation is checked again so no id reaches another's.
   */
  syncHistory(principal: Principal, mailboxId: string, first: number): Promise<MailboxSyncRun[]> {
    return this.dataSource.getRepository(MailboxSyncRun).find({
      where: { mailboxId, organisationId: principal.organisationId },
      order: { startedAt: 'DESC', id: 'DESC' },
      take: Math.min(Math.max(Math.trunc(first) || 0, 1), SYNC_HISTORY_LIMIT),
    });
  }
}
