import { randomBytes } from 'node:crypto';
import { startEmulator, DEMO_TENANT, type RunningEmulator } from '@mailroom/exchange-emulator';
import { DEMO_USERS, EmailServerProfile, type Organisation, type User } from '@mailroom/domain';
import { newOrganisation, newUser } from '@mailroom/domain/testing';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';

export interface ExchangeOrganisation {
  emulator: RunningEmulator;
  organisation: Organisation;
  users: Map<string, User>;
  /** This organisation's address for a demo user: `email('sales.pro')` → `sales.pro-k3x9@contoso.example`. */
  email(local: string): string;
  control(path: string, method: string, body?: unknown): Promise<Response>;
}

/**
 * A private Exchange emulator (same CA as the run's, so it is trusted) with the demo tenant, and a
 * fresh CRM organisation whose default profile points at it. Its users mirror the seed's demo users
 * under addresses of their own (sign-in is by email, and test files run side by side), created in
 * both the CRM and the emulator's directory with the same licences and UPN quirks. Tests that change
 * the tenant (licences, subscription) never disturb another file.
 */
export async function newExchangeOrganisation(dataSource: DataSource): Promise<ExchangeOrganisation> {
  const emulator = await startEmulator({ port: 0, dataDir: inject('emulatorDataDir'), scenario: 'demo' });
  const suffix = randomBytes(3).toString('hex');
  const email = (local: string) => `${local}-${suffix}@contoso.example`;
  const control = (path: string, method: string, body?: unknown) =>
    fetch(`${emulator.url}/_emulator${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const organisation = await newOrganisation(dataSource, 'Contoso (test)');
  await dataSource
    .getRepository(EmailServerProfile)
    .update(
      { organisationId: organisation.id, isDefault: true },
      { graphEndpoint: emulator.url, authorityUrl: emulator.url },
    );
  const users = new Map<string, User>();
  for (const demo of DEMO_USERS) {
    const local = demo.primaryEmail.split('@')[0]!;
    const primaryEmail = email(local);
    const userPrincipalName = demo.userPrincipalName
      ? demo.userPrincipalName.replace(`${local}@`, `${local}-${suffix}@`)
      : primaryEmail;
    const created = await control('/users', 'POST', {
      userPrincipalName,
      mail: primaryEmail,
      displayName: demo.displayName,
      exchangeLicense: demo.exchangeLicenseValid,
    });
    if (!created.ok) throw new Error(`emulator user ${userPrincipalName}: ${created.status} ${await created.text()}`);
    users.set(
      local,
      await newUser(dataSource, organisation, { ...demo, primaryEmail, userPrincipalName, password: 'test-password' }),
    );
  }
  return { emulator, organisation, users, email, control };
}

export { DEMO_TENANT };
