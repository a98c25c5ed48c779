import type { Organisation } from '@mailroom/domain';
import { newOrganisation, newUser } from '@mailroom/domain/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../testing/api-harness.ts';
import type { TestClient } from '../testing/graphql-client.ts';

let api: ApiHarness;
let organisation: Organisation;
let seller: TestClient;
let otherSeller: TestClient;
let admin: TestClient;
let outsider: TestClient;

const OPPORTUNITIES = `{ opportunities { totalCount edges { node { name estimatedValue owner { displayName } account { name } contacts { firstName emailAddress } } } } }`;

beforeAll(async () => {
  api = await startApi();
  const ds = api.server.dataSource;
  organisation = await newOrganisation(ds);
  const mk = async (local: string, roles: ('SALES_PROFESSIONAL' | 'SYSTEM_ADMINISTRATOR')[]) => {
    const user = await newUser(ds, organisation, {
      displayName: local,
      primaryEmail: `${local}@${organisation.id}.example`,
      roles,
      password: 'pw',
    });
    return api.client.signIn(user.primaryEmail, 'pw');
  };
  seller = await mk('seller', ['SALES_PROFESSIONAL']);
  otherSeller = await mk('other', ['SALES_PROFESSIONAL']);
  admin = await mk('admin', ['SYSTEM_ADMINISTRATOR']);
  const other = await newOrganisation(ds);
  const stranger = await newUser(ds, other, {
    primaryEmail: `x@${other.id}.example`,
    roles: ['SYSTEM_ADMINISTRATOR'],
    password: 'pw',
  });
  outsider = await api.client.signIn(stranger.primaryEmail, 'pw');
});
afterAll(() => api.stop());

describe('CRM records', () => {
  it('creates an account, contacts and an opportunity with them, and lists it with its parts', async () => {
    const account = await seller.request(
      'mutation { createAccount(input: { name: "Fabrikam", emailAddress: "Info@Fabrikam.example" }) { id emailAddress } }',
    );
    expect(account.data?.createAccount.emailAddress).toBe('info@fabrikam.example');
    const accountId = account.data?.createAccount.id;
    const CONTACT = 'mutation($input: CreateContactInput!) { createContact(input: $input) { id account { name } } }';
    const fiona = await seller.request(CONTACT, {
      input: { firstName: 'Fiona', lastName: 'Fabrikam', emailAddress: 'fiona@fabrikam.example', accountId },
    });
    expect(fiona.data?.createContact.account).toEqual({ name: 'Fabrikam' });
    const frank = await seller.request(CONTACT, {
      input: { firstName: 'Frank', lastName: 'Buyer', emailAddress: 'frank@fabrikam.example' },
    });

    const created = await seller.request(
      'mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }',
      {
        input: {
          name: 'Renewal',
          accountId,
          contactIds: [fiona.data?.createContact.id, frank.data?.createContact.id],
          estimatedValue: 75000.5,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const listed = await seller.request(OPPORTUNITIES);
    expect(listed.data?.opportunities).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            name: 'Renewal',
            estimatedValue: 75000.5,
            owner: { displayName: 'seller' },
            account: { name: 'Fabrikam' },
            contacts: [
              { firstName: 'Frank', emailAddress: 'frank@fabrikam.example' },
              { firstName: 'Fiona', emailAddress: 'fiona@fabrikam.example' },
            ],
          },
        },
      ],
    });
  });

  it('shows a salesperson only their own records, an administrator all of the organisation’s, and nobody another organisation’s', async () => {
    expect((await otherSeller.request(OPPORTUNITIES)).data?.opportunities.totalCount).toBe(0);
    expect((await admin.request(OPPORTUNITIES)).data?.opportunities.totalCount).toBe(1);
    expect((await outsider.request(OPPORTUNITIES)).data?.opportunities.totalCount).toBe(0);
    const { data } = await seller.request('{ accounts { edges { node { id } } } }');
    const foreign = await outsider.request(
      'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
      {
        input: { firstName: 'A', lastName: 'B', accountId: data?.accounts.edges[0].node.id },
      },
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('rejects bad input with a message a person can act on', async () => {
    const badEmail = await seller.request(
      'mutation { createLead(input: { firstName: "N", lastName: "W", emailAddress: "not-an-address" }) { id } }',
    );
    expect(badEmail.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: '"not-an-address" is not an email address.',
    });
    const noName = await seller.request('mutation { createAccount(input: { name: "  " }) { id } }');
    expect(noName.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: 'The account name must be 1 to 200 characters.',
    });
  });
});
