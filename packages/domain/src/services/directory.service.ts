import type { EntityManager } from 'typeorm';
import { EmailServerProfile } from '../entities/email-server-profile.entity.ts';
import { Mailbox } from '../entities/mailbox.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import { SecurityRole } from '../entities/security-role.entity.ts';
import { UserRole } from '../entities/user-role.entity.ts';
import { User } from '../entities/user.entity.ts';
import type { SalesLicense, SecurityRoleName } from '../enums.ts';
import { MAILBOX_ROLES } from '../rules/auto-approval.rule.ts';
import { hashPassword } from './password.ts';

export interface NewUser {
  displayName: string;
  primaryEmail: string;
  userPrincipalName?: string;
  salesLicense?: SalesLicense;
  exchangeLicenseValid?: boolean;
  disabled?: boolean;
  roles?: readonly SecurityRoleName[];
  password?: string;
  directoryObjectId?: string;
}

/** Adds a user with roles to an organisation, inside the caller's transaction. */
export async function addUser(manager: EntityManager, organisationId: string, input: NewUser): Promise<User> {
  const users = manager.getRepository(User);
  const user = await users.save(
    users.create({
      organisationId,
      displayName: input.displayName,
      primaryEmail: input.primaryEmail,
      primaryEmailLower: input.primaryEmail.trim().toLowerCase(),
      userPrincipalName: input.userPrincipalName ?? input.primaryEmail,
      salesLicense: input.salesLicense ?? 'NONE',
      exchangeLicenseValid: input.exchangeLicenseValid ?? false,
      disabled: input.disabled ?? false,
      directoryObjectId: input.directoryObjectId ?? null,
      passwordHash: input.password ? await hashPassword(input.password) : null,
    }),
  );
  const roleNames = input.roles ?? [];
  if (roleNames.length > 0) {
    const roles = await manager
      .getRepository(SecurityRole)
      .createQueryBuilder('role')
      .where('role.organisationId = :organisationId', { organisationId })
      .andWhere('role.name IN (:...roleNames)', { roleNames })
      .getMany();
    await manager
      .getRepository(UserRole)
      .insert(roles.map((role) => ({ organisationId, userId: user.id, roleId: role.id })));
  }
  return user;
}

/**
 * Gives every user holding Sales Professional or Sales Professional Manager a mailbox (status Not
 * run, not approved) if they have none. Returns the mailboxes created.
 */
export async function ensureRoleMailboxes(manager: EntityManager, organisationId: string): Promise<Mailbox[]> {
  const owners: { id: string; primaryEmail: string }[] = await manager
    .getRepository(User)
    .createQueryBuilder('user')
    .innerJoin(UserRole, 'link', 'link.userId = user.id')
    .innerJoin(SecurityRole, 'role', 'role.id = link.roleId')
    .leftJoin(Mailbox, 'mailbox', 'mailbox.ownerUserId = user.id')
    .select(['user.id AS id', 'user.primaryEmail AS "primaryEmail"'])
    .distinct(true)
    .where('user.organisationId = :organisationId', { organisationId })
    .andWhere('role.name IN (:...roles)', { roles: MAILBOX_ROLES })
    .andWhere('mailbox.id IS NULL')
    .getRawMany();
  if (owners.length === 0) return [];
  // New mailboxes follow the organisation's defaults (server-side sync once email is configured).
  const organisation = await manager.getRepository(Organisation).findOneByOrFail({ id: organisationId });
  const profile = await manager.getRepository(EmailServerProfile).findOneBy({ organisationId, isDefault: true });
  const mailboxes = manager.getRepository(Mailbox);
  return mailboxes.save(
    owners.map((owner) =>
      mailboxes.create({
        organisationId,
        ownerUserId: owner.id,
        emailAddress: owner.primaryEmail,
        emailAddressLower: owner.primaryEmail.toLowerCase(),
        emailServerProfileId: profile?.id ?? null,
        incomingMethod: organisation.defaultIncomingMethod,
        outgoingMethod: organisation.defaultOutgoingMethod,
        actMethod: organisation.defaultActMethod,
      }),
    ),
  );
}
