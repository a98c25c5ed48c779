import { setTimeout as sleep } from 'node:timers/promises';
import type { AppRegistration } from '../directory/directory.store.ts';
import type { Emulator } from '../emulator.context.ts';
import { errors, GraphError } from '../http/graph-error.ts';
import type { GraphRequest, GraphResponse } from '../http/http.types.ts';
import { parsePrefer, wantsImmutableIds } from '../http/odata-query.ts';
import { pathSegments, Router } from '../http/router.ts';
import type { AccessClaims } from '../identity/token.service.ts';
import { MAILBOX_AREAS, POLICY_AREAS, ROLES, type GraphRoute, type RouteTable } from './graph-route.ts';

export interface Principal {
  claims: AccessClaims;
  app: AppRegistration;
}

export interface Outcome {
  response: GraphResponse;
  /** Frees the request's concurrency slot; call when the response has been sent. */
  release: () => void;
}

const NOOP = (): void => undefined;

/**
 * Runs one Graph call the way the service does: token, route, the (app, mailbox) limits and
 * injected faults, permissions, the mailbox and access policy, then the handler.
 */
export class GraphPipeline {
  private readonly router = new Router<GraphRoute>();

  constructor(
    private readonly emulator: Emulator,
    routes: RouteTable,
  ) {
    for (const [method, pattern, route] of routes) this.router.add(method, pattern, route);
  }

  async authenticate(authorization: string | undefined): Promise<Principal> {
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
    if (!token) throw errors.invalidToken('Access token is empty.');
    const claims = await this.emulator.tokens.verify(token);
    if (!claims) throw errors.invalidToken('Access token validation failure. Invalid audience.');
    if (claims.exp * 1000 <= Date.now()) throw errors.invalidToken('Access token has expired or is not yet valid.');
    const directory = this.emulator.state.directory;
    const app = directory.apps.get(claims.appid);
    if (claims.tid !== directory.tenant.id || !app)
      throw errors.invalidToken('Access token validation failure. Invalid audience.');
    return { claims, app };
  }

  async execute(req: GraphRequest, principal: Principal): Promise<Outcome> {
    const segments = pathSegments(req.path);
    if (segments[0]?.toLowerCase() === 'me')
      throw errors.badRequest('/me request is only valid with delegated authentication flow.');
    const match = this.router.match(req.method, segments);
    if (match === 'method-not-allowed')
      throw new GraphError(
        405,
        'Request_BadRequest',
        `The HTTP method '${req.method}' is not allowed on this resource.`,
      );
    if (!match) throw errors.segmentNotFound(segments.at(-1) ?? '');
    const { route, params } = match;
    const emulator = this.emulator;
    const state = emulator.state;
    const { claims, app } = principal;
    const user = params['user'] === undefined ? undefined : state.directory.find(params['user']);
    const mailboxKey = user?.id ?? params['user'] ?? '-';

    if (emulator.faults.hit('expireTokens', user?.id, claims.xms_iat_ms))
      throw errors.invalidToken('Access token has expired or is not yet valid.');
    const onMailbox = MAILBOX_AREAS.has(route.area);
    let release = NOOP;
    const uploadBytes = req.body === undefined ? 0 : Buffer.byteLength(JSON.stringify(req.body));
    if (onMailbox)
      release = emulator.throttle.admit(app.clientId, mailboxKey, Date.now(), uploadBytes, `${req.method} ${req.path}`);
    else emulator.throttle.count(app.clientId, mailboxKey);
    try {
      const injected = emulator.faults.hit('throttle', user?.id);
      if (injected) {
        const retryAfter = injected.retryAfter ?? emulator.limits.retryAfterSeconds;
        emulator.throttle.injected(app.clientId, mailboxKey, retryAfter);
        throw errors.throttled(retryAfter, 'MailboxConcurrency');
      }
      const failure = emulator.faults.hit('error5xx', user?.id);
      if (failure) {
        const status = failure.status ?? 503;
        const retryAfter = String(failure.retryAfter ?? emulator.limits.retryAfterSeconds);
        throw status === 503
          ? new GraphError(503, 'serviceNotAvailable', 'Service Unavailable', { 'Retry-After': retryAfter })
          : new GraphError(
              status,
              status === 504 ? 'UnknownError' : 'generalException',
              'An unexpected error occurred on the server.',
              { 'Retry-After': retryAfter },
            );
      }
      const latency = emulator.faults.hit('latency', user?.id);
      if (latency?.ms) await sleep(latency.ms);

      const allowed = ROLES[route.area][route.access];
      if (allowed && !allowed.some((role) => claims.roles.includes(role))) throw errors.accessDenied();
      if (params['user'] !== undefined) {
        if (!user)
          throw route.area === 'directory'
            ? errors.resourceNotFound(params['user'])
            : errors.invalidUser(params['user']);
        if (onMailbox && !state.directory.hasMailbox(user)) throw errors.mailboxNotEnabled();
        if (POLICY_AREAS.has(route.area) && app.accessPolicyUserIds && !app.accessPolicyUserIds.has(user.id))
          throw errors.accessPolicy();
        if (POLICY_AREAS.has(route.area) && emulator.faults.hit('accessDenied', user.id)) throw errors.accessPolicy();
      }
      const prefs = parsePrefer(req.headers);
      const immutableIds = wantsImmutableIds(prefs);
      const applied: string[] = immutableIds ? ['IdType="ImmutableId"'] : [];
      const response = await route.handler({
        req,
        params,
        claims,
        app,
        user,
        prefs,
        applied,
        immutableIds,
        state,
        emulator,
      });
      if (applied.length > 0) response.headers['Preference-Applied'] = applied.join(', ');
      return { response, release };
    } catch (error) {
      release();
      throw error;
    }
  }
}
