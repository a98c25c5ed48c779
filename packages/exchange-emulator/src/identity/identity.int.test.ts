import { GraphError } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '../index.ts';
import { GRAPH_SCOPE, startTestEmulator, type TestEmulator } from '../testing/emulator.fixture.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.stop());

async function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}/${form['tenant'] ?? DEMO_TENANT.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(Object.entries(form).filter(([key]) => key !== 'tenant')),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function payload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('client credentials through MSAL', () => {
  it('issues an app-only JWT with the granted roles, cached by MSAL', async () => {
    const app = t.msal();
    const first = await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    const claims = payload(first!.accessToken);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: DEMO_TENANT.tenantId,
      appid: DEMO_TENANT.clientId,
      idtyp: 'app',
    });
    expect(claims['roles']).toEqual(
      expect.arrayContaining([
        'Mail.ReadWrite',
        'Mail.Send',
        'Tasks.ReadWrite.All',
        'User.Read.All',
        'Organization.Read.All',
      ]),
    );
    expect(Number(claims['exp']) - Date.now() / 1000).toBeGreaterThan(3500);
    expect(first!.accessToken).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const second = await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    expect(second!.fromCache).toBe(true);
  });

  it('rejects a wrong secret with invalid_client (AADSTS7000215)', async () => {
    const error = await t
      .msal({ clientSecret: 'wrong' })
      .acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ errorCode: 'invalid_client' });
    expect(String((error as Error).message)).toContain('AADSTS7000215');
  });

  it('rejects an unknown application (AADSTS700016) and an unknown tenant (AADSTS90002)', async () => {
    const unknownApp = await t
      .msal({ clientId: '00000000-1111-2222-3333-444444444444' })
      .acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] })
      .catch((e: unknown) => e);
    expect(String((unknownApp as Error).message)).toContain('AADSTS700016');
    const unknownTenant = await tokenRequest({
      tenant: 'nowhere.example',
      client_id: DEMO_TENANT.clientId,
      client_secret: DEMO_TENANT.clientSecret,
      grant_type: 'client_credentials',
      scope: GRAPH_SCOPE,
    });
    expect(unknownTenant.status).toBe(400);
    expect(unknownTenant.body).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
  });
});

describe('token endpoint', () => {
  const base = { client_id: DEMO_TENANT.clientId, grant_type: 'client_credentials', scope: GRAPH_SCOPE };

  it('accepts the secret through HTTP Basic and the tenant by domain', async () => {
    const basic = Buffer.from(`${DEMO_TENANT.clientId}:${encodeURIComponent(DEMO_TENANT.clientSecret)}`).toString(
      'base64',
    );
    const result = await tokenRequest({ ...base, tenant: 'contoso.example' }, { authorization: `Basic ${basic}` });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
  });

  it('answers AADSTS7000216 without a credential and scope errors with invalid_scope', async () => {
    expect(await tokenRequest(base)).toMatchObject({
      status: 401,
      body: { error: 'invalid_client', error_codes: [7000216] },
    });
    const withSecret = { ...base, client_secret: DEMO_TENANT.clientSecret };
    expect(await tokenRequest({ ...withSecret, scope: 'Mail.Read' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_scope', error_codes: [1002012] },
    });
    expect(await tokenRequest({ ...withSecret, scope: 'https://outlook.example/.default' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_scope', error_codes: [70011] },
    });
  });

  it('serves the OpenID configuration MSAL needs', async () => {
    const response = await fetch(`${t.url}/${DEMO_TENANT.tenantId}/v2.0/.well-known/openid-configuration`);
    const body = (await response.json()) as Record<string, string>;
    expect(body.token_endpoint).toBe(`${t.url}/${DEMO_TENANT.tenantId}/oauth2/v2.0/token`);
    for (const field of ['authorization_endpoint', 'issuer', 'jwks_uri'])
      expect(body[field]).toMatch(/^https:\/\/localhost:/);
  });
});

describe('directory', () => {
  it('lists users with $select and $top, paging with an absolute https nextLink', async () => {
    const client = t.graph();
    const first = await client.api('/users').select(['id', 'userPrincipalName', 'mail']).top(3).get();
    expect(first.value).toHaveLength(3);
    expect(first['@odata.nextLink']).toMatch(new RegExp(`^${t.url}/v1\\.0/users\\?`));
    const names: string[] = [];
    let page = first;
    for (;;) {
      names.push(...page.value.map((user: { userPrincipalName: string }) => user.userPrincipalName));
      if (!page['@odata.nextLink']) break;
      page = await client.api(page['@odata.nextLink']).get();
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'admin@contoso.example',
        'sales.pro@contoso.example',
        'upn.mismatch@contoso.onmicrosoft.com',
        'no.exchange@contoso.example',
      ]),
    );
    expect(names).toHaveLength(7);
  });

  it('returns licences and plans only when selected, and finds users by mail with $filter', async () => {
    const client = t.graph();
    const plain = await client.api('/users/sales.pro@contoso.example').get();
    expect(plain).not.toHaveProperty('assignedPlans');
    const licensed = await client
      .api('/users/sales.pro@contoso.example')
      .select('id,assignedLicenses,assignedPlans')
      .get();
    expect(licensed.assignedPlans).toContainEqual(
      expect.objectContaining({ service: 'exchange', capabilityStatus: 'Enabled' }),
    );
    const none = await client.api('/users/no.exchange@contoso.example').select('assignedPlans').get();
    expect(none.assignedPlans).toEqual([]);
    const mismatch = await client
      .api('/users')
      .filter("mail eq 'upn.mismatch@contoso.example'")
      .select('userPrincipalName')
      .get();
    expect(mismatch.value).toEqual([
      expect.objectContaining({ userPrincipalName: 'upn.mismatch@contoso.onmicrosoft.com' }),
    ]);
  });

  it('answers 404 Request_ResourceNotFound for an unknown user, with request id and client-request-id', async () => {
    const error = (await t
      .graph()
      .api('/users/upn.mismatch@contoso.example')
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('Request_ResourceNotFound');
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves mailboxSettings and subscribedSkus, switching with the tenant subscription', async () => {
    const client = t.graph();
    expect(await client.api('/users/sales.pro@contoso.example/mailboxSettings').get()).toMatchObject({
      timeZone: 'UTC',
      language: { locale: 'en-US' },
    });
    const skus = await client.api('/subscribedSkus').get();
    expect(skus.value[0].servicePlans).toContainEqual(
      expect.objectContaining({ servicePlanName: 'EXCHANGE_S_ENTERPRISE', provisioningStatus: 'Success' }),
    );
    await t.control('PATCH', 'tenant', { exchangeSubscription: false });
    try {
      expect((await client.api('/subscribedSkus').get()).value).toEqual([]);
      const error = (await client
        .api('/users/sales.pro@contoso.example/messages')
        .get()
        .catch((e: unknown) => e)) as GraphError;
      expect(error.code).toBe('MailboxNotEnabledForRESTAPI');
    } finally {
      await t.control('PATCH', 'tenant', { exchangeSubscription: true });
    }
  });
});

describe('errors a client sees', () => {
  it('404 MailboxNotEnabledForRESTAPI on Outlook paths for a user without Exchange', async () => {
    const error = (await t
      .graph()
      .api('/users/no.exchange@contoso.example/mailFolders/inbox/messages/delta')
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect([error.statusCode, error.code]).toEqual([404, 'MailboxNotEnabledForRESTAPI']);
  });

  it('400 ErrorInvalidIdMalformed for a malformed id and 400 for a bad JSON body', async () => {
    const client = t.graph();
    const malformed = (await client
      .api('/users/sales.pro@contoso.example/messages/not-an-id')
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect([malformed.statusCode, malformed.code]).toEqual([400, 'ErrorInvalidIdMalformed']);
    const token = (await t.msal().acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] }))!.accessToken;
    const response = await fetch(`${t.url}/v1.0/users/sales.pro@contoso.example/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"subject": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BadRequest');
  });

  it('401 InvalidAuthenticationToken with WWW-Authenticate for a missing or foreign token, and the §9 headers', async () => {
    const missing = await fetch(`${t.url}/v1.0/users`, { headers: { 'client-request-id': 'abc-123' } });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer realm=""');
    expect(missing.headers.get('client-request-id')).toBe('abc-123');
    expect(missing.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(missing.headers.get('odata-version')).toBe('4.0');
    expect(missing.headers.get('date')).toBeTruthy();
    expect(missing.headers.get('content-type')).toBe(
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
    );
    expect(await missing.json()).toMatchObject({
      error: {
        code: 'InvalidAuthenticationToken',
        message: 'Access token is empty.',
        innerError: { 'client-request-id': 'abc-123' },
      },
    });
    const forged = await fetch(`${t.url}/v1.0/users`, {
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' },
    });
    expect(forged.status).toBe(401);
  });

  it('403 ErrorAccessDenied when a role is missing, and the RAOP message under an access policy (not for To Do)', async () => {
    await t.control('PATCH', `apps/${DEMO_TENANT.clientId}`, { permissions: ['User.Read.All', 'Tasks.ReadWrite.All'] });
    const limited = t.graph();
    const denied = (await limited
      .api('/users/sales.pro@contoso.example/messages')
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect([denied.statusCode, denied.code, denied.message]).toEqual([
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
    ]);
    await t.control('PATCH', `apps/${DEMO_TENANT.clientId}`, {
      permissions: [
        'Mail.ReadWrite',
        'Mail.Send',
        'Calendars.ReadWrite',
        'Contacts.ReadWrite',
        'Tasks.ReadWrite.All',
        'User.Read.All',
        'MailboxSettings.Read',
        'Organization.Read.All',
      ],
      accessPolicyMailboxes: ['sales.pro@contoso.example'],
    });
    try {
      const client = t.graph();
      expect((await client.api('/users/sales.pro@contoso.example/mailFolders').get()).value.length).toBeGreaterThan(0);
      const blocked = (await client
        .api('/users/sales.manager@contoso.example/mailFolders')
        .get()
        .catch((e: unknown) => e)) as GraphError;
      expect([blocked.statusCode, blocked.code]).toEqual([403, 'ErrorAccessDenied']);
      expect(blocked.message).toContain('[RAOP]');
      expect((await client.api('/users/sales.manager@contoso.example/todo/lists').get()).value.length).toBeGreaterThan(
        0,
      );
    } finally {
      await t.control('PATCH', `apps/${DEMO_TENANT.clientId}`, { accessPolicyMailboxes: null });
    }
  });

  it('answers bad control input with 400 and a message naming the field', async () => {
    const result = await t.control<{ error: string }>('POST', 'faults', { kind: 'explode' });
    expect(result.status).toBe(400);
    expect(result.body.error).toContain('kind');
  });
});
