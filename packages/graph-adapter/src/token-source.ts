import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { classifyMsalFailure, graphFailure, GraphAdapterError } from './graph-errors.ts';

/** MSAL's default `tokenRenewalOffsetSeconds`: a cached token is renewed five minutes before it expires. */
const TOKEN_RENEWAL_OFFSET_MS = 5 * 60_000;

/** An app-only access token and the application permissions (`roles` claim) it carries. */
export interface AccessToken {
  readonly value: string;
  /** The `roles` claim; undefined when the token is not a readable JWT. */
  readonly roles: ReadonlySet<string> | undefined;
  /** When this source first received the token (clock ms); its roles are as of then. */
  readonly acquiredAt: number;
}

export interface TokenSourceConfig {
  /** Origin of the token authority, e.g. `https://login.microsoftonline.com`. */
  authorityUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The `/.default` scope of the Graph resource. */
  scope: string;
  now: () => number;
}

/**
 * Client-credential tokens from MSAL. MSAL caches each token and renews it five minutes before
 * it expires; this class adds what MSAL leaves to the caller: one token request at a time
 * however many calls need a token, and a forced renewal when Graph rejects a token MSAL still
 * considers valid (revoked, or expired early).
 */
export class TokenSource {
  private readonly app: ConfidentialClientApplication;
  private readonly scope: string;
  private readonly now: () => number;
  private latest: AccessToken | undefined;
  /** When MSAL would stop serving `latest` from its cache (wall clock ms): its expiry less the renewal offset. */
  private latestFreshUntil = 0;
  private pending: { forced: boolean; promise: Promise<AccessToken> } | undefined;

  constructor(config: TokenSourceConfig) {
    const authority = `${config.authorityUrl}/${config.tenantId}`;
    this.scope = config.scope;
    this.now = config.now;
    this.app = new ConfidentialClientApplication({
      auth: {
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        authority,
        // Trusting the configured host and giving its endpoints up front skips instance and
        // OpenID discovery. That is required for a non-Microsoft host (the emulator), and it
        // makes an unknown tenant fail at the token endpoint with `invalid_request` instead of
        // as a discovery error indistinguishable from a network failure.
        knownAuthorities: [new URL(config.authorityUrl).host],
        authorityMetadata: JSON.stringify({
          token_endpoint: `${authority}/oauth2/v2.0/token`,
          authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
          issuer: `${authority}/v2.0`,
          jwks_uri: `${authority}/discovery/v2.0/keys`,
        }),
      },
      system: { loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => {} } },
    });
  }

  /**
   * A valid token: the last one while MSAL would still serve it from its cache, else from MSAL.
   * Remembering it here skips MSAL's cache lookup on every Graph request (each one parses the
   * authority URL and walks the cache: a tenth of a polling worker's allocations).
   */
  current(): Promise<AccessToken> {
    if (this.latest !== undefined && this.pending === undefined && Date.now() < this.latestFreshUntil) {
      return Promise.resolve(this.latest);
    }
    return this.acquire(false);
  }

  /**
   * A token newer than `rejected`, which Graph refused or whose roles may be stale. If another
   * call has already renewed it, that token is returned without another request.
   */
  renewAfter(rejected: AccessToken): Promise<AccessToken> {
    if (this.latest !== undefined && this.latest.value !== rejected.value) return Promise.resolve(this.latest);
    return this.acquire(true);
  }

  private acquire(force: boolean): Promise<AccessToken> {
    if (this.pending !== undefined && (this.pending.forced || !force)) return this.pending.promise;
    const promise = this.request(force).finally(() => {
      if (this.pending?.promise === promise) this.pending = undefined;
    });
    this.pending = { forced: force, promise };
    return promise;
  }

  private async request(force: boolean): Promise<AccessToken> {
    let result;
    try {
      result = await this.app.acquireTokenByClientCredential({ scopes: [this.scope], skipCache: force });
    } catch (error) {
      throw new GraphAdapterError(classifyMsalFailure(error as { errorCode?: unknown; status?: unknown }), {
        cause: error,
        detail: 'token request failed',
      });
    }
    if (result === null || result.accessToken === '') {
      throw new GraphAdapterError(graphFailure('AUTH_FAILED', { status: null, code: null }), {
        detail: 'the token endpoint returned no access token',
      });
    }
    // MSAL renews a cached token this long before it expires; so does current().
    this.latestFreshUntil = (result.expiresOn?.getTime() ?? 0) - TOKEN_RENEWAL_OFFSET_MS;
    if (this.latest?.value === result.accessToken) return this.latest;
    const token: AccessToken = {
      value: result.accessToken,
      roles: readRoles(result.accessToken),
      acquiredAt: this.now(),
    };
    this.latest = token;
    return token;
  }
}

/** The `roles` claim of a JWT access token, or undefined if the token is not a readable JWT. */
export function readRoles(jwt: string): ReadonlySet<string> | undefined {
  const payload = jwt.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) return undefined;
    const roles = (claims as { roles?: unknown }).roles;
    if (roles === undefined) return new Set();
    if (!Array.isArray(roles)) return undefined;
    return new Set(roles.filter((role): role is string => typeof role === 'string'));
  } catch {
    return undefined;
  }
}
