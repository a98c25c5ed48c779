import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Mailbox } from '../entities/mailbox.entity.ts';
import type { Organisation } from '../entities/organisation.entity.ts';
import type { User } from '../entities/user.entity.ts';
import type { Principal } from '../principal.ts';
import { addUser, ensureRoleMailboxes, type NewUser } from '../services/directory.service.ts';
import { provisionOrganisation } from '../services/organisation.service.ts';
import { rolesOfUser } from '../services/user.service.ts';

/** Test data builders: every test gets its own organisation, so tests never share rows. */
export async function newOrganisation(
  dataSource: DataSource,
  name = `Org ${randomUUID().slice(0, 8)}`,
): Promise<Organisation> {
  return dataSource.transaction((manager) => provisionOrganisation(manager, { name }));
}

export async function newUser(
  dataSource: DataSource,
  organisation: Organisation,
  overrides: Partial<NewUser> = {},
): Promise<User> {
  const local = randomUUID().slice(0, 8);
  return dataSource.transaction((manager) =>
    addUser(manager, organisation.id, {
      displayName: `User ${local}`,
      primaryEmail: `${local}@${organisation.id.slice(0, 8)}.example`,
      salesLicense: 'SALES_PROFESSIONAL',
      exchangeLicenseValid: true,
      roles: ['SALES_PROFESSIONAL'],
      ...overrides,
    }),
  );
}

export async function newRoleMailboxes(dataSource: DataSource, organisation: Organisation): Promise<Mailbox[]> {
  return dataSource.transaction((manager) => ensureRoleMailboxes(manager, organisation.id));
}

export async function principalOf(dataSource: DataSource, user: User): Promise<Principal> {
  return {
    userId: user.id,
    organisationId: user.organisationId,
    roles: await rolesOfUser(dataSource.manager, user.id),
  };
}
