import { expect } from 'vitest';
import type { ApiHarness } from '../apps/api/src/testing/api-harness.ts';
import type { TestClient } from '../apps/api/src/testing/graphql-client.ts';
import { DEMO_TENANT, newExchangeOrganisation, type ExchangeOrganisation } from './exchange-org.ts';

/** A contact of the demo CRM data, outside the tenant. */
export const FIONA = 'fiona.fabrikam@fabrikam.example';

export const TIMELINE = `query($id: ID!) { timeline(regardingId: $id, first: 50) { totalCount edges { node { id subject occurredAt
  ... on Email { direction status tracked trackedBy trackingToken internetMessageId bodyHtml regarding { id type name }
    from { address resolvedType } to { address resolvedType } copies { emailAddress exchangeMessageId } } } } } }`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `accept` holds; fails with the last value read after `ms`. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await sleep(100);
  }
  throw new Error(`${what} did not happen; last: ${JSON.stringify(last)}`);
}

export async function timeline(client: TestClient, id: string) {
  const result = await client.request(TIMELINE, { id });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.timeline as { totalCount: number; edges: { node: any }[] };
}

/**
 * An organisation connected to a private emulator's demo tenant, email configured (sales.pro and
 * sales.manager approved, tested and enabled), with Fabrikam as an account, Fiona as its contact and
 * a "Fabrikam renewal" opportunity owned by sales.pro.
 */
export async function newEmailOrganisation(api: ApiHarness) {
  const org: ExchangeOrganisation = await newExchangeOrganisation(api.server.dataSource);
  const admin = await api.client.signIn(org.email('admin'), 'test-password');
  const connected = await admin.request(
    `mutation($input: ConnectTenantInput!) { connectTenant(input: $input) { status } }`,
    {
      input: { tenantId: DEMO_TENANT.tenantId, clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret },
    },
  );
  expect(connected.errors).toBeUndefined();
  const started = await admin.request('mutation { configureEmail { id } }');
  const jobId = started.data?.configureEmail.id;
  await eventually(
    () => admin.request('query($id: ID!) { job(id: $id) { status } }', { id: jobId }),
    (r) => r.data?.job.status === 'COMPLETED',
    'Configure email',
  );

  const salesPro = await api.client.signIn(org.email('sales.pro'), 'test-password');
  const account = await salesPro.request(
    `mutation { createAccount(input: { name: "Fabrikam", emailAddress: "info@fabrikam.example" }) { id } }`,
  );
  const accountId: string = account.data?.createAccount.id;
  const contact = await salesPro.request(
    `mutation($account: ID!) { createContact(input: { firstName: "Fiona", lastName: "Fabrikam", emailAddress: "${FIONA}", accountId: $account }) { id } }`,
    { account: accountId },
  );
  const contactId: string = contact.data?.createContact.id;
  const opportunity = await salesPro.request(
    `mutation($account: ID!, $contact: ID!) { createOpportunity(input: { name: "Fabrikam renewal", accountId: $account, contactIds: [$contact] }) { id } }`,
    { account: accountId, contact: contactId },
  );
  const opportunityId: string = opportunity.data?.createOpportunity.id;
  expect(opportunityId).toBeDefined();

  const mailboxes = await admin.request(`{ mailboxes(first: 50) { edges { node { id emailAddress } } } }`);
  const mailboxOf = (local: string): string | undefined =>
    mailboxes.data?.mailboxes.edges.find((e: any) => e.node.emailAddress === org.email(local))?.node.id;

  async function deliver(upn: string, message: Record<string, unknown>) {
    const response = await org.control(`/mailboxes/${encodeURIComponent(upn)}/deliver`, 'POST', message);
    if (!response.ok) throw new Error(`deliver: ${response.status} ${await response.text()}`);
    return response.json() as Promise<any>;
  }

  async function emulatorState() {
    return (await (await org.control('/state', 'GET')).json()) as any;
  }

  /** Graph as a mail client of the tenant would use it (to create folders, find and change messages). */
  async function graph(path: string, method = 'GET', body?: unknown) {
    const tokenResponse = await fetch(`${org.emulator.url}/${DEMO_TENANT.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: DEMO_TENANT.clientId,
        client_secret: DEMO_TENANT.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const response = await fetch(`${org.emulator.url}/v1.0${path}`, {
      method,
      headers: {
        authorization: `Bearer ${access_token}`,
        'content-type': 'application/json',
        prefer: 'IdType="ImmutableId"',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : ((await response.json()) as any);
  }

  return { org, admin, salesPro, accountId, contactId, opportunityId, mailboxOf, deliver, emulatorState, graph };
}

export type EmailOrganisation = Awaited<ReturnType<typeof newEmailOrganisation>>;
