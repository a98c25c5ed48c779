import type { DataSource, EntityManager } from 'typeorm';
import { Account, Contact, Lead, Opportunity, OpportunityContact } from './entities/crm-record.entities.ts';
import { User } from './entities/user.entity.ts';
import { EmailServerProfile } from './entities/email-server-profile.entity.ts';
import { Organisation } from './entities/organisation.entity.ts';
import type { SalesLicense, SecurityRoleName } from './enums.ts';
import { addUser, ensureRoleMailboxes } from './services/directory.service.ts';
import { provisionOrganisation } from './services/organisation.service.ts';

/** Fixed id, so seeding is idempotent and tests can find the demo organisation. */
export const DEMO_ORGANISATION_ID = '0c0a7f5e-0000-4000-8000-00000000c050';

interface DemoUser {
  displayName: string;
  primaryEmail: string;
  userPrincipalName?: string;
  roles: SecurityRoleName[];
  salesLicense: SalesLicense;
  exchangeLicenseValid: boolean;
}

/** The demo users of CONTRACT.md, each chosen to exercise one rule of Configure email. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    displayName: 'Adele Admin',
    primaryEmail: 'admin@contoso.example',
    roles: ['SYSTEM_ADMINISTRATOR'],
    salesLicense: 'SALES_ENTERPRISE',
    exchangeLicenseValid: true,
  },
  {
    displayName: 'Paolo Pro',
    primaryEmail: 'sales.pro@contoso.example',
    roles: ['SALES_PROFESSIONAL'],
    salesLicense: 'SALES_PROFESSIONAL',
    exchangeLicenseValid: true,
  },
  {
    displayName: 'Marta Manager',
    primaryEmail: 'sales.manager@contoso.example',
    roles: ['SALES_PROFESSIONAL_MANAGER'],
    salesLicense: 'SALES_PROFESSIONAL',
    exchangeLicenseValid: true,
  },
  {
    displayName: 'Umberto Mismatch',
    primaryEmail: 'upn.mismatch@contoso.example',
    userPrincipalName: 'upn.mismatch@contoso.onmicrosoft.com',
    roles: ['SALES_PROFESSIONAL'],
    salesLicense: 'SALES_PROFESSIONAL',
    exchangeLicenseValid: true,
  },
  {
    displayName: 'Nadia NoExchange',
    primaryEmail: 'no.exchange@contoso.example',
    roles: ['SALES_PROFESSIONAL'],
    salesLicense: 'SALES_PROFESSIONAL',
    exchangeLicenseValid: false,
  },
  {
    displayName: 'Sara Salesperson',
    primaryEmail: 'salesperson@contoso.example',
    roles: ['SALESPERSON'],
    salesLicense: 'SALES_ENTERPRISE',
    exchangeLicenseValid: true,
  },
  {
    displayName: 'Ugo Unlicensed',
    primaryEmail: 'unlicensed@contoso.example',
    roles: ['SALES_PROFESSIONAL'],
    salesLicense: 'NONE',
    exchangeLicenseValid: true,
  },
];

/** The tenant the demo organisation is connected to (the emulator's demo tenant by default). */
export interface DemoConnection {
  tenantId: string;
  clientId: string;
  /** Already encrypted with the deployment's SecretCipher. */
  clientSecretEncrypted: string;
  graphEndpoint: string;
  authorityUrl: string;
}

const isLocal = (url: string) => /^https:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(url);

/**
 * Seeds the demo organisation "Contoso" (email not yet configured) with the demo users and the
 * mailboxes of users holding the Sales Professional roles, connected to `connection` when given.
 * Idempotent: a second run adds nothing; it only follows a local emulator that moved port.
 * Returns true when it created the organisation.
 */
export async function seedDemo(
  dataSource: DataSource,
  options: { password: string; connection?: DemoConnection },
): Promise<boolean> {
  const { connection } = options;
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent seeders (two launchers on one database).
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['mailroom:seed-demo']);
    const profiles = manager.getRepository(EmailServerProfile);
    if (await manager.getRepository(Organisation).existsBy({ id: DEMO_ORGANISATION_ID })) {
      const profile = await profiles.findOneBy({ organisationId: DEMO_ORGANISATION_ID, isDefault: true });
      if (
        connection &&
        profile &&
        isLocal(profile.graphEndpoint) &&
        profile.graphEndpoint !== connection.graphEndpoint
      ) {
        await profiles.update(
          { id: profile.id },
          { graphEndpoint: connection.graphEndpoint, authorityUrl: connection.authorityUrl },
        );
      }
      return false;
    }
    const organisation = await provisionOrganisation(manager, { id: DEMO_ORGANISATION_ID, name: 'Contoso' });
    if (connection) {
      await manager.getRepository(Organisation).update(
        { id: organisation.id },
        {
          tenantId: connection.tenantId,
          appClientId: connection.clientId,
          appClientSecretEncrypted: connection.clientSecretEncrypted,
        },
      );
      await profiles.update(
        { organisationId: organisation.id, isDefault: true },
        { graphEndpoint: connection.graphEndpoint, authorityUrl: connection.authorityUrl },
      );
    }
    for (const user of DEMO_USERS) {
      await addUser(manager, organisation.id, { ...user, password: options.password });
    }
    await ensureRoleMailboxes(manager, organisation.id);
    await seedCrmRecords(manager, organisation.id);
    return true;
  });
}

/**
 * Contoso's customers, matching the mail already in the emulator's demo mailboxes: Fabrikam (an
 * account, two contacts, a renewal opportunity owned by sales.pro@) and a Northwind lead.
 */
async function seedCrmRecords(manager: EntityManager, organisationId: string): Promise<void> {
  const owner = await manager
    .getRepository(User)
    .findOneByOrFail({ organisationId, primaryEmailLower: 'sales.pro@contoso.example' });
  const base = { organisationId, ownerUserId: owner.id };
  const fabrikam = await manager
    .getRepository(Account)
    .save({ ...base, name: 'Fabrikam', emailAddress: 'info@fabrikam.example' });
  const [fiona, frank] = await manager.getRepository(Contact).save([
    {
      ...base,
      firstName: 'Fiona',
      lastName: 'Fabrikam',
      emailAddress: 'fiona.fabrikam@fabrikam.example',
      jobTitle: 'Head of IT',
      accountId: fabrikam.id,
    },
    {
      ...base,
      firstName: 'Frank',
      lastName: 'Buyer',
      emailAddress: 'frank.buyer@fabrikam.example',
      jobTitle: 'Procurement',
      accountId: fabrikam.id,
    },
  ]);
  await manager.getRepository(Lead).save({
    ...base,
    firstName: 'Nora',
    lastName: 'Northwind',
    companyName: 'Northwind Traders',
    emailAddress: 'nora@northwind.example',
  });
  const [renewal, expansion] = await manager.getRepository(Opportunity).save([
    { ...base, name: 'Fabrikam renewal: 250 seats', accountId: fabrikam.id, estimatedValueMinor: '7500000' },
    { ...base, name: 'Fabrikam expansion: EMEA', accountId: fabrikam.id, estimatedValueMinor: '12000000' },
  ]);
  await manager.getRepository(OpportunityContact).insert([
    { organisationId, opportunityId: renewal!.id, contactId: fiona!.id },
    { organisationId, opportunityId: renewal!.id, contactId: frank!.id },
    { organisationId, opportunityId: expansion!.id, contactId: fiona!.id },
  ]);
}
