import type { EntityManager } from 'typeorm';
import { EmailServerProfile } from '../entities/email-server-profile.entity.ts';
import { Organisation } from '../entities/organisation.entity.ts';
import { SecurityRole } from '../entities/security-role.entity.ts';
import { ROLE_DISPLAY_NAMES, SECURITY_ROLES } from '../enums.ts';

export interface ProvisionOrganisationInput {
  id?: string;
  name: string;
}

/**
 * Creates an organisation with what every organisation starts with: the five standard security
 * roles and the default "Exchange Online" email server profile. Runs inside the caller's
 * transaction.
 */
export async function provisionOrganisation(
  manager: EntityManager,
  input: ProvisionOrganisationInput,
): Promise<Organisation> {
  const organisation = await manager
    .getRepository(Organisation)
    .save(manager.getRepository(Organisation).create({ ...(input.id ? { id: input.id } : {}), name: input.name }));
  await manager.getRepository(SecurityRole).insert(
    SECURITY_ROLES.map((name) => ({
      organisationId: organisation.id,
      name,
      displayName: ROLE_DISPLAY_NAMES[name],
      builtIn: true,
    })),
  );
  await manager.getRepository(EmailServerProfile).insert({
    organisationId: organisation.id,
    name: 'Exchange Online',
    serverType: 'EXCHANGE_ONLINE',
    isDefault: true,
  });
  return organisation;
}
