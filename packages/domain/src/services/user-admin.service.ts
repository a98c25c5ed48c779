import { Brackets, In, type DataSource } from 'typeorm';
import { SecurityRole } from '../entities/security-role.entity.ts';
import { UserRole } from '../entities/user-role.entity.ts';
import { User } from '../entities/user.entity.ts';
import type { Mailbox } from '../entities/mailbox.entity.ts';
import { SALES_LICENSES, SECURITY_ROLES, type SalesLicense, type SecurityRoleName } from '../enums.ts';
import { DomainError, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { Principal } from '../principal.ts';
import { ensureRoleMailboxes } from './directory.service.ts';
import { containsPattern, decodeCursor, encodeCursor, pageSize, type Page } from './pagination.ts';

export interface UserAccessChange {
  userId: string;
  /** The user's manager (same organisation); null removes it, undefined leaves it. */
  managerId?: string | null;
  roles?: readonly SecurityRoleName[] | null;
  salesLicense?: SalesLicense | null;
}

/** Administrators' management of users' security roles and sales licences. */
export class UserAdminService {
  constructor(private readonly dataSource: DataSource) {}

  /** Users of the organisation by display name, keyset-paged; `search` matches name or email. */
  async list(
    principal: Principal,
    search?: string | null,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<User>> {
    const limit = pageSize(first);
    const query = this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .where('user.organisationId = :org', { org: principal.organisationId });
    const text = search?.trim().toLowerCase();
    if (text) {
      const pattern = containsPattern(text);
      query.andWhere(
        new Brackets((where) => {
          where
            .where('lower(user.displayName) LIKE :pattern', { pattern })
            .orWhere('user.primaryEmailLower LIKE :pattern', { pattern });
        }),
      );
    }
    const totalCount = await query.clone().getCount();
    if (after) {
      const [name, id] = decodeCursor(after, 2);
      query.andWhere('(lower(user.displayName), user.id) > (:name, :id)', { name, id });
    }
    const rows = await query
      .orderBy('lower(user.displayName)', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .take(limit + 1)
      .getMany();
    return {
      items: rows.slice(0, limit),
      hasNextPage: rows.length > limit,
      totalCount,
      cursorOf: (user) => encodeCursor([user.displayName.toLowerCase(), user.id]),
    };
  }

  /**
   * Sets a user's standard security roles and/or sales licence. A user who now holds Sales
   * Professional or Sales Professional Manager gets a mailbox (Not run), to approve and test.
   */
  async update(principal: Principal, change: UserAccessChange): Promise<{ user: User; createdMailboxes: Mailbox[] }> {
    if (change.roles && change.roles.some((role) => !(SECURITY_ROLES as readonly string[]).includes(role))) {
      throw new DomainError('BAD_USER_INPUT', 'Unknown security role.');
    }
    if (change.salesLicense && !(SALES_LICENSES as readonly string[]).includes(change.salesLicense)) {
      throw new DomainError('BAD_USER_INPUT', 'Unknown sales licence.');
    }
    if (change.userId === principal.userId && change.roles && !change.roles.includes('SYSTEM_ADMINISTRATOR')) {
      throw new DomainError(
        'CONFLICT',
        'You cannot remove your own System Administrator role; ask another administrator.',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const user = isUuid(change.userId)
        ? await manager.getRepository(User).findOneBy({ id: change.userId, organisationId: principal.organisationId })
        : null;
      if (!user) throw notFound('That user');
      if (change.salesLicense)
        await manager.getRepository(User).update({ id: user.id }, { salesLicense: change.salesLicense });
      if (change.managerId !== undefined) {
        if (change.managerId !== null) {
          const boss = isUuid(change.managerId)
            ? await manager
                .getRepository(User)
                .findOneBy({ id: change.managerId, organisationId: principal.organisationId })
            : null;
          if (!boss) throw notFound('That manager');
          if (boss.id === user.id) throw new DomainError('BAD_USER_INPUT', 'A user cannot be their own manager.');
        }
        await manager.getRepository(User).update({ id: user.id }, { managerUserId: change.managerId });
      }
      if (change.roles) {
        const roles = await manager
          .getRepository(SecurityRole)
          .findBy({ organisationId: principal.organisationId, name: In([...change.roles]) });
        await manager.getRepository(UserRole).delete({ userId: user.id });
        if (roles.length > 0) {
          await manager
            .getRepository(UserRole)
            .insert(
              roles.map((role) => ({ organisationId: principal.organisationId, userId: user.id, roleId: role.id })),
            );
        }
      }
      const createdMailboxes = await ensureRoleMailboxes(manager, principal.organisationId);
      return { user: await manager.getRepository(User).findOneByOrFail({ id: user.id }), createdMailboxes };
    });
  }
}
