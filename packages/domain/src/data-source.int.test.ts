import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource, migrationsAreCurrent } from './data-source.ts';
import { DEMO_ORGANISATION_ID, DEMO_USERS, seedDemo } from './demo.ts';
import { Opportunity } from './entities/crm-record.entities.ts';
import { Mailbox } from './entities/mailbox.entity.ts';
import { SecurityRole } from './entities/security-role.entity.ts';
import { User } from './entities/user.entity.ts';
import { EmailServerProfile } from './entities/email-server-profile.entity.ts';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = createDataSource({ url: inject('databaseUrl') });
  await dataSource.initialize();
});
afterAll(() => dataSource.destroy());

describe('schema', () => {
  it('has every migration applied', async () => {
    expect(await migrationsAreCurrent(dataSource)).toBe(true);
  });

  it('matches the entities exactly (no migration is missing)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});

describe('demo seed', () => {
  it('creates Contoso with its roles, profile, users and role mailboxes, and is idempotent', async () => {
    expect(await seedDemo(dataSource, { password: 'mailroom-demo' })).toBe(true);
    expect(await seedDemo(dataSource, { password: 'mailroom-demo' })).toBe(false);

    const org = { organisationId: DEMO_ORGANISATION_ID };
    expect((await dataSource.getRepository(SecurityRole).findBy(org)).map((r) => r.displayName).sort()).toEqual([
      'Sales Manager',
      'Sales Professional',
      'Sales Professional Manager',
      'Salesperson',
      'System Administrator',
    ]);
    const profiles = await dataSource.getRepository(EmailServerProfile).findBy(org);
    expect(profiles.map((p) => [p.name, p.isDefault])).toEqual([['Exchange Online', true]]);
    expect(await dataSource.getRepository(User).countBy(org)).toBe(DEMO_USERS.length);

    const mailboxes = await dataSource.getRepository(Mailbox).find({ where: org, order: { emailAddressLower: 'ASC' } });
    expect(mailboxes.map((m) => m.emailAddress)).toEqual([
      'no.exchange@contoso.example',
      'sales.manager@contoso.example',
      'sales.pro@contoso.example',
      'unlicensed@contoso.example',
      'upn.mismatch@contoso.example',
    ]);
    expect(mailboxes.every((m) => m.testRunStatus === 'NOT_RUN' && m.approvalStatus === 'NOT_APPROVED')).toBe(true);
    const opportunities = await dataSource.getRepository(Opportunity).findBy(org);
    expect(opportunities.map((o) => o.name).sort()).toEqual([
      'Fabrikam expansion: EMEA',
      'Fabrikam renewal: 250 seats',
    ]);
  });
});
