import { startEmulator, DEMO_TENANT, type RunningEmulator } from '@mailroom/exchange-emulator';
import { DEMO_USERS, EmailServerProfile, type Organisation, type User } from '@mailroom/domain';
import { newOrganisation, newUser } from '@mailroom/domain/testing';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';

/**
 * A private Exchange emulator (same CA as the run's, so it is trusted) with the demo tenant, and a
 * fresh CRM organisation whose default profile points at it, with the demo users of the seed.
 * Tests that change the tenant (licences, subscription) get their own, so parallel files never see it.
 */
export async function newExchangeOrganisation(dataSource: DataSource): Promise<{
  emulator: RunningEmulator;
  organisation: Organisation;
  users: Map<string, User>;
  control(path: string, method: string, body?: unknown): Promise<Response>;
}> {
  const emulator = await startEmulator({ port: 0, dataDir: inject('emulatorDataDir'), scenario: 'demo' });
  const organisation = await newOrganisation(dataSource, 'Contoso (test)');
  await dataSource
    .getRepository(EmailServerProfile)
    .update(
      { organisationId: organisation.id, isDefault: true },
      { graphEndpoint: emulator.url, authorityUrl: emulator.url },
    );
  const users = new Map<string, User>();
  for (const demo of DEMO_USERS) {
    users.set(demo.primaryEmail, await newUser(dataSource, organisation, { ...demo, password: 'test-password' }));
  }
  return {
    emulator,
    organisation,
    users,
    control: (path, method, body) =>
      fetch(`${emulator.url}/_emulator${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

export { DEMO_TENANT };
