import type { DataSource, EntityManager } from 'typeorm';
import { Organisation } from '../entities/organisation.entity.ts';
import { notFound } from '../errors.ts';
import { decideAvailability, type Availability } from '../rules/availability.rule.ts';
import { SecurityRole } from '../entities/security-role.entity.ts';
import { UserRole } from '../entities/user-role.entity.ts';
import { User } from '../entities/user.entity.ts';
import { isUuid } from '../ids.ts';
import type { Principal } from '../principal.ts';

/** Role names of one user. */
export async function rolesOfUser(manager: EntityManager, userId: string): Promise<string[]> {
  const rows = await manager
    .getRepository(SecurityRole)
    .createQueryBuilder('role')
    .innerJoin(UserRole, 'link', 'link.roleId = role.id')
    .where('link.userId = :userId', { userId })
    .orderBy('role.name')
    .getMany();
  return rows.map((role) => role.name);
}

/** Role names of many users in one query, keyed by user id. */
export async function rolesOfUsers(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows: { userId: string; name: string }[] = await manager
    .getRepository(UserRole)
    .createQueryBuilder('link')
    .innerJoin(SecurityRole, 'role', 'role.id = link.roleId')
    .select(['link.userId AS "userId"', 'role.name AS "name"'])
    .where('link.userId IN (:...userIds)', { userIds })
    .orderBy('role.name')
    .getRawMany();
  for (const row of rows) result.get(row.userId)?.push(row.name);
  return result;
}

export class UserService {
  constructor(private readonly dataSource: DataSource) {}

  async me(principal: Principal): Promise<User> {
    const user = await this.dataSource
      .getRepository(User)
      .findOneBy({ id: principal.userId, organisationId: principal.organisationId });
    if (!user) throw notFound('Your user');
    return user;
  }

  /** Users of the principal's organisation by id, for batched field resolution. */
  async byIds(principal: Principal, ids: readonly string[]): Promise<User[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .where('user.id IN (:...ids)', { ids: valid })
      .andWhere('user.organisationId = :org', { org: principal.organisationId })
      .getMany();
  }

  /** Whether the email features are available to the principal, and why not (PRODUCT.md §7). */
  async availability(principal: Principal): Promise<Availability> {
    const [user, organisation] = await Promise.all([
      this.me(principal),
      this.dataSource.getRepository(Organisation).findOneByOrFail({ id: principal.organisationId }),
    ]);
    return decideAvailability({
      salesLicense: user.salesLicense,
      roles: principal.roles,
      emailIntegrationEnabled: organisation.emailIntegrationEnabled,
      appInUse: organisation.appInUse,
    });
  }

  rolesOf(userIds: readonly string[]): Promise<Map<string, string[]>> {
    return rolesOfUsers(this.dataSource.manager, userIds);
  }
}
