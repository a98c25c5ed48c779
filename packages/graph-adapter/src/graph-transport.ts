import {
  AuthenticationHandler,
  AuthenticationHandlerOptions,
  Client,
  GraphError,
  HTTPMessageHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import { classifyGraphResponse, GraphAdapterError, networkFailure, type GraphFailure } from './graph-errors.ts';
import { rolesSatisfy, type PermissionNeed } from './graph-permissions.ts';
import type { AdapterClock, MailboxLimiter, SharedHolds } from './mailbox-limiter.ts';
import { parseRetryAfter } from './retry-after.ts';
import type { AccessToken, TokenSource } from './token-source.ts';

/** Where log lines go; pino's and console's shapes both fit. */
export interface AdapterLogger {
  debug(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export const silentLogger: AdapterLogger = { debug: () => {}, warn: () => {} };

/** One Graph request as the adapter's functions describe it. */
export interface GraphCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A path below the version (`/users/a@b/messages`), or an absolute Graph URL (a delta cursor). */
  url: string;
  /** Query options; values are percent-encoded here because the SDK sends them as given. */
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** The mailbox the request is charged to for Exchange's per-mailbox limits; omit for tenant-wide calls. */
  mailbox?: string;
  /** The permission the call needs, to tell a missing permission from an access policy. */
  permission?: PermissionNeed;
  /** `Prefer` preferences besides `IdType="ImmutableId"`, which every call sends. */
  prefer?: string[];
  /** Concurrency slots the request takes (a JSON batch of n items to one mailbox takes n). */
  weight?: number;
  /**
   * Whether repeating the request after a 5xx or a lost connection is safe. Defaults to true
   * except for POST: a POST that timed out may have taken effect (a sent mail, a created event).
   * A 429 is always retried, because Graph did not run a throttled request.
   */
  idempotent?: boolean;
}

export interface TransportOptions {
  client: Client;
  tokens: TokenSource;
  limiter: MailboxLimiter;
  clock: AdapterClock;
  logger: AdapterLogger;
  /** Attempts per call for 429 and transient failures, the first included. */
  maxAttempts: number;
  /** Holds shared with other processes, and the scope (tenant and app) their keys live in. */
  sharedHolds?: { store: SharedHolds; scope: string };
  /** Told of every HTTP request sent (metrics): its status and time. */
  onRequest?: (event: GraphRequestEvent) => void;
}

/** One HTTP request to Graph: `2xx`, the error status (e.g. `429`), or `network` when none came back. */
export interface GraphRequestEvent {
  status: string;
  durationMs: number;
}

// Tenant-wide calls (directory, subscriptions) share one key so a 429 on them is honoured too.
const TENANT_KEY = '\u0000tenant';
// A token older than this is renewed before a 403 is blamed on a missing permission, so a
// permission granted after the token was issued is seen; younger tokens' roles are trusted,
// which keeps a tenant of policy-denied mailboxes from costing a token request each.
const ROLE_RECHECK_AFTER_MS = 30_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

/**
 * Builds the SDK client. The default chain is Authentication → Retry → Redirect → Telemetry →
 * HTTP; this one leaves out the SDK's RetryHandler on purpose. That handler sleeps on 429, 503
 * and 504 inside a single `send`, invisible to the per-mailbox limiter: other requests to the
 * throttled mailbox would keep starting during the Retry-After, which is exactly what Exchange
 * counts against the app. The transport below retries instead, after holding the whole mailbox.
 */
export function createGraphClient(options: { graphOrigin: string; tokens: TokenSource }): Client {
  const host = new URL(options.graphOrigin).hostname;
  const middleware = [
    new AuthenticationHandler({ getAccessToken: async () => (await options.tokens.current()).value }),
    new RedirectHandler(new RedirectHandlerOptions()),
    new TelemetryHandler(),
    new HTTPMessageHandler(),
  ];
  return Client.initWithMiddleware({
    baseUrl: options.graphOrigin,
    defaultVersion: 'v1.0',
    middleware,
    // The SDK attaches the token only to Microsoft's Graph hosts and these; hostname, no port.
    ...(isMicrosoftGraphHost(host) ? {} : { customHosts: new Set([host]) }),
  });
}

const MICROSOFT_GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'graph.microsoft.de',
  'microsoftgraph.chinacloudapi.cn',
  'canary.graph.microsoft.com',
]);

export function isMicrosoftGraphHost(hostname: string): boolean {
  return MICROSOFT_GRAPH_HOSTS.has(hostname.toLowerCase());
}

/**
 * Sends Graph requests through the per-mailbox limiter with the adapter's failure policy:
 * a 401 renews the token once and repeats transparently; a 429 holds the mailbox for its
 * Retry-After and repeats; transient failures back off and repeat when that is safe; after
 * `maxAttempts`, or for anything else, the classified failure is thrown as GraphAdapterError.
 */
export class GraphTransport {
  constructor(private readonly options: TransportOptions) {}

  /** Runs `call` and resolves with Graph's parsed JSON body (undefined for an empty one). */
  async execute<T>(call: GraphCall): Promise<T> {
    const { limiter, tokens, clock, logger, maxAttempts } = this.options;
    const key = call.mailbox ?? TENANT_KEY;
    const idempotent = call.idempotent ?? call.method !== 'POST';
    let renewedAfter401 = false;
    let recheckedRoles = false;
    let attempt = 1;
    for (;;) {
      let token: AccessToken | undefined;
      try {
        return await limiter.run(
          key,
          async () => {
            await this.awaitSharedHold(key);
            token = await tokens.current();
            try {
              return await this.send<T>(call, token);
            } catch (error) {
              // Hold the mailbox before this request's slot is released: otherwise a queued
              // request would start in the gap and reach Exchange during the Retry-After.
              await this.holdAfter(key, readGraphError(error, clock.now()), attempt);
              throw error;
            }
          },
          call.weight,
        );
      } catch (error) {
        if (error instanceof GraphAdapterError || token === undefined) throw error;
        const facts = readGraphError(error, clock.now());
        if (facts === undefined) {
          if (idempotent && attempt < maxAttempts) {
            logger.debug({ url: call.url, attempt }, 'Graph request failed without a response; retrying');
            await clock.sleep(backoff(attempt));
            attempt += 1;
            continue;
          }
          throw new GraphAdapterError(networkFailure(), { cause: error, detail: call.url });
        }

        if (facts.status === 401 && !renewedAfter401) {
          renewedAfter401 = true;
          logger.debug({ url: call.url }, 'Graph rejected the access token; renewing it once');
          await tokens.renewAfter(token);
          continue;
        }

        let tokenHadPermission: boolean | undefined;
        if (facts.status === 403 && call.permission !== undefined) {
          const verdict = await this.judgeDenial(token, call.permission, !recheckedRoles);
          recheckedRoles ||= verdict.rechecked;
          if (verdict.grantedSince) continue;
          tokenHadPermission = verdict.tokenHadPermission;
        }

        const failure = classifyGraphResponse({
          ...facts,
          mailboxCall: isMailboxPath(call.url),
          ...(call.permission === undefined
            ? {}
            : { permission: call.permission.permission, accessPolicyApplies: call.permission.accessPolicyApplies }),
          ...(tokenHadPermission === undefined ? {} : { tokenHadPermission }),
        });
        if (await this.settleFailure(call.mailbox, failure, idempotent, attempt)) {
          logger.warn(
            { url: call.url, attempt, kind: failure.kind, status: failure.status, retryAfterMs: failure.retryAfterMs },
            'Graph request will be retried',
          );
          attempt += 1;
          continue;
        }
        // A refused request says why in Graph's words (what to fix), e.g. "The end of an event
        // cannot be before its start."
        const reason =
          failure.kind === 'INVALID_REQUEST' && error instanceof Error && error.message
            ? ` (${error.message.slice(0, 300)})`
            : '';
        throw new GraphAdapterError(failure, { cause: error, detail: `${call.url}${reason}` });
      }
    }
  }

  /**
   * Whether the app held `permission` when Graph answered 403. The token's own roles decide,
   * unless the token is old enough that an administrator may have changed the grant since: then
   * a new token is fetched, and if it now carries the permission the call is simply repeated.
   */
  private async judgeDenial(
    token: AccessToken,
    permission: PermissionNeed,
    mayRecheck: boolean,
  ): Promise<{ tokenHadPermission: boolean | undefined; grantedSince: boolean; rechecked: boolean }> {
    const { tokens, clock } = this.options;
    const held = token.roles === undefined ? undefined : rolesSatisfy(token.roles, permission);
    if (!mayRecheck || clock.now() - token.acquiredAt < ROLE_RECHECK_AFTER_MS) {
      return { tokenHadPermission: held, grantedSince: false, rechecked: false };
    }
    const fresh = await tokens.renewAfter(token);
    const holdsNow = fresh.roles === undefined ? undefined : rolesSatisfy(fresh.roles, permission);
    return { tokenHadPermission: holdsNow, grantedSince: holdsNow === true && held !== true, rechecked: true };
  }

  /**
   * The application permissions the app holds now, read from its access token (renewed first
   * when older than the recheck interval, so a recent grant or revocation shows). Undefined
   * when the token is not a readable JWT.
   */
  async currentRoles(): Promise<ReadonlySet<string> | undefined> {
    const { tokens, clock } = this.options;
    const token = await tokens.current();
    if (clock.now() - token.acquiredAt < ROLE_RECHECK_AFTER_MS) return token.roles;
    return (await tokens.renewAfter(token)).roles;
  }

  /** Holds the mailbox after a 429, or a 503 that names its Retry-After. */
  private async holdAfter(key: string, facts: GraphErrorFacts | undefined, attempt: number): Promise<void> {
    if (facts === undefined) return;
    if (facts.status === 429) await this.hold(key, facts.retryAfterMs ?? backoff(attempt));
    else if (facts.status === 503 && facts.retryAfterMs !== undefined) await this.hold(key, facts.retryAfterMs);
  }

  /** Holds the mailbox for `ms` in this process and, through the shared store, in every other. */
  private async hold(key: string, ms: number): Promise<void> {
    const { limiter, clock, sharedHolds, logger } = this.options;
    limiter.hold(key, clock.now() + ms);
    if (!sharedHolds) return;
    await sharedHolds.store.hold(`${sharedHolds.scope}:${key.toLowerCase()}`, ms).catch((error: unknown) => {
      logger.warn({ err: String(error) }, 'could not share a Retry-After hold with other processes');
    });
  }

  /**
   * Inside the mailbox's slot, before a request goes out: waits out a hold another process
   * recorded (its 429), holding this process's queue for the mailbox meanwhile. Without a
   * reachable store the request goes ahead on this process's own holds.
   */
  private async awaitSharedHold(key: string): Promise<void> {
    const { limiter, clock, sharedHolds } = this.options;
    if (!sharedHolds) return;
    const sharedKey = `${sharedHolds.scope}:${key.toLowerCase()}`;
    for (;;) {
      const remaining = await sharedHolds.store.remainingMs(sharedKey).catch(() => 0);
      if (remaining <= 0) return;
      limiter.hold(key, clock.now() + remaining);
      await clock.sleep(remaining);
    }
  }

  /** The adapter's clock reading, for Retry-After dates found outside the transport. */
  now(): number {
    return this.options.clock.now();
  }

  /** Attempts per call, the first included. */
  get maxAttempts(): number {
    return this.options.maxAttempts;
  }

  /**
   * Applies a classified failure to the mailbox's limiter (a hold for its Retry-After) and
   * decides whether the request may be sent again, waiting out a back-off first when Graph
   * named no Retry-After. Used for the transport's own requests and for JSON batch items,
   * whose failures arrive inside a successful response.
   */
  async settleFailure(
    mailbox: string | undefined,
    failure: GraphFailure,
    idempotent: boolean,
    attempt: number,
  ): Promise<boolean> {
    const { clock } = this.options;
    const key = mailbox ?? TENANT_KEY;
    if (failure.retryAfterMs !== undefined && (failure.kind === 'THROTTLED' || failure.status === 503)) {
      await this.hold(key, failure.retryAfterMs);
    }
    if (!retryable(failure, idempotent) || attempt >= this.options.maxAttempts) return false;
    if (failure.retryAfterMs === undefined) {
      const wait = backoff(attempt);
      if (failure.kind === 'THROTTLED') await this.hold(key, wait);
      else await clock.sleep(wait);
    }
    return true;
  }

  private async send<T>(call: GraphCall, token: AccessToken): Promise<T> {
    const { onRequest } = this.options;
    if (!onRequest) return this.sendOnce<T>(call, token);
    const started = performance.now();
    try {
      const result = await this.sendOnce<T>(call, token);
      onRequest({ status: '2xx', durationMs: performance.now() - started });
      return result;
    } catch (error) {
      const status = readGraphError(error, this.options.clock.now())?.status;
      onRequest({ status: status === undefined ? 'network' : String(status), durationMs: performance.now() - started });
      throw error;
    }
  }

  private async sendOnce<T>(call: GraphCall, token: AccessToken): Promise<T> {
    const { client } = this.options;
    const prefer = [...(call.prefer ?? []), 'IdType="ImmutableId"'].join(', ');
    const request = client
      .api(withQuery(call.url, call.query))
      .header('Prefer', prefer)
      // The token this very request carries, so a 401 can renew exactly that one.
      .middlewareOptions([new AuthenticationHandlerOptions({ getAccessToken: async () => token.value })]);
    let result: unknown;
    switch (call.method) {
      case 'GET':
        result = await request.get();
        break;
      case 'POST':
        result = await request.post(call.body ?? {});
        break;
      case 'PATCH':
        result = await request.patch(call.body ?? {});
        break;
      case 'DELETE':
        result = await request.delete();
        break;
    }
    // A 202 without a body (sendMail) resolves to the raw stream; release the connection.
    if (result instanceof ReadableStream) {
      await result.cancel();
      return undefined as T;
    }
    return result as T;
  }
}

interface GraphErrorFacts {
  status: number;
  code: string | null;
  retryAfterMs?: number;
  requestId?: string;
}

/** Status, code, Retry-After and request id of an SDK error; undefined when no response arrived. */
export function readGraphError(error: unknown, nowMs: number): GraphErrorFacts | undefined {
  if (!(error instanceof GraphError) || error.statusCode <= 0) return undefined;
  const facts: GraphErrorFacts = { status: error.statusCode, code: error.code ?? null };
  const retryAfterMs = parseRetryAfter(error.headers?.get('retry-after'), nowMs);
  if (retryAfterMs !== undefined) facts.retryAfterMs = retryAfterMs;
  if (typeof error.requestId === 'string' && error.requestId !== '') facts.requestId = error.requestId;
  return facts;
}

function retryable(failure: GraphFailure, idempotent: boolean): boolean {
  if (failure.kind === 'THROTTLED') return true;
  return failure.kind === 'TRANSIENT' && idempotent;
}

/** Exponential back-off with jitter (half fixed, half random), for failures that name no Retry-After. */
function backoff(attempt: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Whether the request addresses something inside a mailbox rather than the user object itself. */
export function isMailboxPath(url: string): boolean {
  const path = url.startsWith('https://') ? new URL(url).pathname.replace(/^\/v1\.0/, '') : url;
  return /^\/users\/[^/]+\/.+/i.test(path);
}

/** Appends percent-encoded query options; absolute cursor URLs already carry theirs. */
export function withQuery(url: string, query: GraphCall['query']): string {
  if (query === undefined) return url;
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`);
  if (pairs.length === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${pairs.join('&')}`;
}

/**
 * Encodes one path segment (a UPN or an item id). `@` and `=` are legal in a segment and appear
 * in UPNs and Exchange ids, so they stay readable.
 */
export function segment(value: string): string {
  return encodeURIComponent(value).replace(/%40/g, '@').replace(/%3D/g, '=');
}

/** What the adapter's functions share: the transport and the Graph origin cursors must match. */
export interface GraphContext {
  transport: GraphTransport;
  graphOrigin: string;
}
