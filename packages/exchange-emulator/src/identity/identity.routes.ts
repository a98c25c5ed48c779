import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Emulator } from '../emulator.context.ts';
import { GRAPH_AUDIENCE } from './token.service.ts';

export interface PlainResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const ACCEPTED_SCOPES = new Set([
  `${GRAPH_AUDIENCE}/.default`,
  `${GRAPH_AUDIENCE}//.default`,
  `${GRAPH_APP_ID}/.default`,
]);

function knownTenant(emulator: Emulator, tenant: string): boolean {
  const record = emulator.state.directory.tenant;
  return tenant === record.id || record.domains.includes(tenant.toLowerCase());
}

/** An AADSTS error in the shape Entra ID answers with (MSAL reads `error` and the status). */
function aadError(status: number, error: string, code: number, description: string, requestId: string): PlainResponse {
  const timestamp = new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z';
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${requestId}\r\nCorrelation ID: ${requestId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: requestId,
      correlation_id: requestId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

export function openIdConfiguration(emulator: Emulator, tenant: string, origin: string): PlainResponse {
  if (!knownTenant(emulator, tenant))
    return aadError(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      randomUUID(),
    );
  const tid = emulator.state.directory.tenant.id;
  return {
    status: 200,
    body: {
      token_endpoint: `${origin}/${tid}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      jwks_uri: `${origin}/${tid}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${origin}/${tid}/v2.0`,
      request_uri_parameter_supported: false,
      authorization_endpoint: `${origin}/${tid}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${origin}/${tid}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${origin}/${tid}/oauth2/v2.0/logout`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
    },
  };
}

export async function jwks(emulator: Emulator, tenant: string): Promise<PlainResponse> {
  if (!knownTenant(emulator, tenant))
    return aadError(400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`, randomUUID());
  return { status: 200, body: await emulator.tokens.jwks() };
}

/** `POST /{tenant}/oauth2/v2.0/token`: the client-credentials grant, secret in the form or HTTP Basic. */
export async function token(
  emulator: Emulator,
  tenant: string,
  form: URLSearchParams,
  headers: IncomingHttpHeaders,
  requestId: string,
): Promise<PlainResponse> {
  const directory = emulator.state.directory;
  if (!knownTenant(emulator, tenant)) {
    return aadError(
      400,
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      requestId,
    );
  }
  let clientId = form.get('client_id') ?? undefined;
  let secret = form.get('client_secret') ?? undefined;
  const basic = /^Basic\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      clientId ??= decodeURIComponent(decoded.slice(0, colon));
      secret ??= decodeURIComponent(decoded.slice(colon + 1));
    }
  }
  const grantType = form.get('grant_type');
  if (grantType !== 'client_credentials') {
    return aadError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType ?? ''}'.`,
      requestId,
    );
  }
  if (!clientId)
    return aadError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
      requestId,
    );
  const app = directory.apps.get(clientId);
  if (!app) {
    return aadError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${directory.tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      requestId,
    );
  }
  if (!secret && !form.get('client_assertion')) {
    return aadError(
      401,
      'invalid_client',
      7000216,
      "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
      requestId,
    );
  }
  if (secret !== app.clientSecret) {
    return aadError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
      requestId,
    );
  }
  const scope = (form.get('scope') ?? '').trim();
  if (!scope.endsWith('/.default') || scope.includes(' ')) {
    return aadError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      requestId,
    );
  }
  if (!ACCEPTED_SCOPES.has(scope)) {
    return aadError(
      400,
      'invalid_scope',
      70011,
      `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
      requestId,
    );
  }
  const lifetime = emulator.limits.tokenLifetimeSeconds;
  const accessToken = await emulator.tokens.issue({
    tenantId: directory.tenant.id,
    appId: app.clientId,
    appName: app.displayName,
    servicePrincipalId: app.servicePrincipalId,
    roles: [...app.permissions],
    lifetimeSeconds: lifetime,
  });
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken },
  };
}
