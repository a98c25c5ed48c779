import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerRuntime } from '../apps/worker/src/runtime.ts';
import { startWorker } from './worker-harness.ts';
import { startApi, type ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import type { TestClient } from '../apps/api/src/testing/graphql-client.ts';
import { DEMO_TENANT, newExchangeOrganisation } from './exchange-org.ts';

let api: ApiHarness;
let worker: WorkerRuntime;
let org: Awaited<ReturnType<typeof newExchangeOrganisation>>;
let admin: TestClient;

const USERS = `query($search: String) { users(search: $search) { totalCount edges { node { id displayName primaryEmail userPrincipalName exchangeLicenseValid salesLicense roles } } } }`;

async function latestImport(client: TestClient) {
  const IMPORT = 'mutation { importDirectory { id } }';
  const { data, errors } = await client.request(IMPORT);
  if (errors) throw new Error(JSON.stringify(errors));
  for (let i = 0; i < 100; i++) {
    const job = (
      await client.request('query($id: ID!) { job(id: $id) { status report error } }', { id: data?.importDirectory.id })
    ).data?.job;
    if (job.status === 'COMPLETED' || job.status === 'FAILED') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

async function user(client: TestClient, email: string) {
  const result = await client.request(USERS, { search: email });
  return result.data?.users.edges.map((e: any) => e.node).find((u: any) => u.primaryEmail === email);
}

beforeAll(async () => {
  api = await startApi();
  org = await newExchangeOrganisation(api.server.dataSource);
  worker = await startWorker();
  admin = await api.client.signIn(org.email('admin'), 'test-password');
  await org.control('/users', 'POST', { userPrincipalName: org.email('new.hire'), displayName: 'Nina NewHire' });
  const connected = await admin.request(
    'mutation($input: ConnectTenantInput!) { connectTenant(input: $input) { status } }',
    {
      input: { tenantId: DEMO_TENANT.tenantId, clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret },
    },
  );
  expect(connected.errors).toBeUndefined();
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await api?.stop();
  await org?.emulator.stop();
});

describe('directory import', () => {
  it('brings in tenant users with UPN, primary email and Exchange licence, without roles or sales licence', async () => {
    const job = await latestImport(admin);
    expect(job).toMatchObject({ status: 'COMPLETED', report: { CREATED: 8 } });
    expect(await user(admin, org.email('new.hire'))).toMatchObject({
      displayName: 'Nina NewHire',
      userPrincipalName: org.email('new.hire'),
      exchangeLicenseValid: true,
      salesLicense: 'NONE',
      roles: [],
    });
  });

  it('follows licence changes in the tenant, and is idempotent', async () => {
    await org.control(`/users/${org.email('no.exchange')}`, 'PATCH', { exchangeLicense: true });
    expect((await latestImport(admin)).report).toEqual({ CREATED: 0, UPDATED: 1, UNCHANGED: 14 });
    expect((await user(admin, org.email('no.exchange'))).exchangeLicenseValid).toBe(true);
    expect((await latestImport(admin)).report).toEqual({ CREATED: 0, UPDATED: 0, UNCHANGED: 15 });
  });
});

describe('users, roles and licences', () => {
  it('gives a user who becomes a Sales Professional a Not run mailbox to approve and test', async () => {
    const hire = await user(admin, org.email('new.hire'));
    const updated = await admin.request(
      'mutation($input: UpdateUserInput!) { updateUser(input: $input) { roles salesLicense } }',
      { input: { userId: hire.id, roles: ['SALES_PROFESSIONAL'], salesLicense: 'SALES_PROFESSIONAL' } },
    );
    expect(updated.data?.updateUser).toEqual({ roles: ['SALES_PROFESSIONAL'], salesLicense: 'SALES_PROFESSIONAL' });
    const mailboxes = await admin.request(
      '{ mailboxes(filter: { search: "new.hire" }) { edges { node { emailAddress testRunStatus approvalStatus } } } }',
    );
    expect(mailboxes.data?.mailboxes.edges.map((e: any) => e.node)).toEqual([
      { emailAddress: org.email('new.hire'), testRunStatus: 'NOT_RUN', approvalStatus: 'NOT_APPROVED' },
    ]);
  });

  it('refuses to let administrators remove their own administrator role', async () => {
    const me = await admin.request('{ me { id } }');
    const result = await admin.request('mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }', {
      input: { userId: me.data?.me.id, roles: ['SALESPERSON'] },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('is for administrators only', async () => {
    const seller = await api.client.signIn(org.email('salesperson'), 'test-password');
    for (const operation of [
      '{ users { totalCount } }',
      'mutation { importDirectory { id } }',
      '{ emailServerProfiles { id } }',
    ]) {
      expect((await seller.request(operation)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('email server profiles', () => {
  it('keeps the secret write-only and validates what an administrator changes', async () => {
    const profiles = await admin.request(
      '{ emailServerProfiles { id name isDefault clientSecretSet maxConcurrentRequestsPerMailbox } }',
    );
    const profile = profiles.data?.emailServerProfiles[0];
    expect(profile).toMatchObject({ name: 'Exchange Online', isDefault: true, maxConcurrentRequestsPerMailbox: 4 });

    const UPDATE =
      'mutation($input: UpdateEmailServerProfileInput!) { updateEmailServerProfile(input: $input) { clientSecretSet maxConcurrentRequestsPerMailbox graphEndpoint } }';
    const tooMany = await admin.request(UPDATE, { input: { id: profile.id, maxConcurrentRequestsPerMailbox: 8 } });
    expect(tooMany.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/Exchange Online allows 4/),
    });
    const badUrl = await admin.request(UPDATE, {
      input: { id: profile.id, graphEndpoint: 'http://graph.example/v1.0' },
    });
    expect(badUrl.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const secret = 'replacement-secret-value-123';
    const updated = await admin.request(UPDATE, {
      input: { id: profile.id, clientSecret: secret, maxConcurrentRequestsPerMailbox: 3 },
    });
    expect(updated.data?.updateEmailServerProfile).toMatchObject({
      clientSecretSet: true,
      maxConcurrentRequestsPerMailbox: 3,
    });
    expect(JSON.stringify(updated)).not.toContain(secret);
  });
});
