/**
 * The closed set of failures the adapter reports. Everything that goes wrong while talking to
 * Graph or to the token endpoint becomes exactly one of these kinds, decided by HTTP status and
 * the structured error code (Graph `error.code`, MSAL `errorCode`), never by message text.
 *
 * - `AUTH_FAILED`: the app could not authenticate (bad secret, unknown app or tenant, a token
 *   Graph still rejects after one forced renewal).
 * - `PERMISSION_MISSING`: the app registration lacks the permission (`permission` names it).
 * - `ACCESS_POLICY_DENIED`: the permission is granted but an Exchange application access
 *   policy keeps the app out of this mailbox.
 * - `MAILBOX_UNAVAILABLE`: the user has no usable Exchange Online mailbox (none, inactive,
 *   soft-deleted, on-premises) or does not exist.
 * - `NOT_FOUND`: the item, folder or subscription addressed is gone.
 * - `CURSOR_EXPIRED`: the delta cursor can no longer be used; start a full sync without it.
 * - `THROTTLED`: Graph answered 429 more often than the adapter retries; wait `retryAfterMs`.
 * - `TRANSIENT`: a server or network failure that may pass (5xx, timeouts, conflicts).
 * - `INVALID_REQUEST`: Graph refused the request as malformed; retrying it will not help.
 */
export type GraphFailureKind =
  | 'AUTH_FAILED'
  | 'PERMISSION_MISSING'
  | 'ACCESS_POLICY_DENIED'
  | 'MAILBOX_UNAVAILABLE'
  | 'NOT_FOUND'
  | 'CURSOR_EXPIRED'
  | 'THROTTLED'
  | 'TRANSIENT'
  | 'INVALID_REQUEST';

/** A classified failure. */
export interface GraphFailure {
  kind: GraphFailureKind;
  /** HTTP status from Graph or the token endpoint; null when no response arrived or the adapter decided locally. */
  status: number | null;
  /** Graph `error.code` or MSAL `errorCode`; null when there was none. */
  code: string | null;
  /**
   * True when repeating the same request cannot succeed. For `CURSOR_EXPIRED` and `NOT_FOUND`
   * that is about the request, not the mailbox: resync without the cursor, or drop the item.
   */
  permanent: boolean;
  /** How long Graph asked the caller to wait, when it said (429, some 503). */
  retryAfterMs?: number;
  /** The application permission involved, for `PERMISSION_MISSING` and `ACCESS_POLICY_DENIED`. */
  permission?: string;
  /** Graph's `request-id`, for support cases. */
  requestId?: string;
}

const PERMANENT: Record<GraphFailureKind, boolean> = {
  AUTH_FAILED: true,
  PERMISSION_MISSING: true,
  ACCESS_POLICY_DENIED: true,
  MAILBOX_UNAVAILABLE: true,
  NOT_FOUND: true,
  CURSOR_EXPIRED: true,
  THROTTLED: false,
  TRANSIENT: false,
  INVALID_REQUEST: true,
};

/** The one error type the adapter throws. `failure` says what happened; `cause` keeps the original. */
export class GraphAdapterError extends Error {
  readonly failure: GraphFailure;

  constructor(failure: GraphFailure, options?: { cause?: unknown; detail?: string }) {
    const status = failure.status === null ? '' : ` ${failure.status}`;
    const code = failure.code === null ? '' : ` ${failure.code}`;
    const detail = options?.detail === undefined ? '' : `: ${options.detail}`;
    super(`Graph ${failure.kind}${status}${code}${detail}`, { cause: options?.cause });
    this.name = 'GraphAdapterError';
    this.failure = failure;
  }

  get kind(): GraphFailureKind {
    return this.failure.kind;
  }
}

/** Builds a failure of `kind` with its `permanent` flag filled in. */
export function graphFailure(kind: GraphFailureKind, fields: Omit<GraphFailure, 'kind' | 'permanent'>): GraphFailure {
  const failure: GraphFailure = { kind, status: fields.status, code: fields.code, permanent: PERMANENT[kind] };
  if (fields.retryAfterMs !== undefined) failure.retryAfterMs = fields.retryAfterMs;
  if (fields.permission !== undefined) failure.permission = fields.permission;
  if (fields.requestId !== undefined) failure.requestId = fields.requestId;
  return failure;
}

// Graph's codes are not consistently cased across workloads (SyncStateNotFound vs
// syncStateNotFound), so codes are compared case-insensitively.
const lower = (codes: readonly string[]): ReadonlySet<string> => new Set(codes.map((c) => c.toLowerCase()));

const CURSOR_CODES = lower(['SyncStateNotFound', 'resyncRequired', 'SyncStateInvalid', 'ErrorInvalidSyncStateData']);
const MAILBOX_CODES = lower([
  'MailboxNotEnabledForRESTAPI',
  'MailboxNotSupportedForRESTAPI',
  'ErrorInvalidUser',
  'ErrorNonExistentMailbox',
]);
// On a mailbox path these mean "the user in the path does not exist", not "the item is gone".
const UNKNOWN_USER_CODES = lower(['Request_ResourceNotFound', 'ResourceNotFound']);

/** What the classifier needs to know about a Graph error response and the call that got it. */
export interface GraphResponseFacts {
  status: number;
  code: string | null;
  retryAfterMs?: number;
  requestId?: string;
  /** True when the call addressed a mailbox (`/users/{id}/...` below the user object itself). */
  mailboxCall: boolean;
  /** The permission the call needs, if the call declared one. */
  permission?: string;
  /**
   * Whether the access token the call used held `permission`, when known. A 403
   * `ErrorAccessDenied` is an access-policy denial only if it did and the area is policy-scoped.
   */
  tokenHadPermission?: boolean;
  accessPolicyApplies?: boolean;
}

/**
 * Classifies a Graph error response by status and `error.code`.
 *
 * 403 `ErrorAccessDenied` is sent both for a missing app role and for an application access
 * policy, with only the message differing. The adapter tells them apart by the roles in the
 * access token it obtained itself: if the token held the permission the call needs, and the
 * area is one access policies cover, the denial is the policy's.
 */
export function classifyGraphResponse(facts: GraphResponseFacts): GraphFailure {
  const { status } = facts;
  const code = facts.code?.toLowerCase() ?? '';
  const fields = {
    status,
    code: facts.code,
    ...(facts.retryAfterMs === undefined ? {} : { retryAfterMs: facts.retryAfterMs }),
    ...(facts.requestId === undefined ? {} : { requestId: facts.requestId }),
  };
  const withPermission = facts.permission === undefined ? fields : { ...fields, permission: facts.permission };

  if (CURSOR_CODES.has(code) || status === 410) return graphFailure('CURSOR_EXPIRED', fields);
  if (MAILBOX_CODES.has(code)) return graphFailure('MAILBOX_UNAVAILABLE', fields);
  switch (status) {
    case 401:
      return graphFailure('AUTH_FAILED', fields);
    case 403:
      // Graph's "extension" 403s are limits (e.g. subscriptions per mailbox), not permissions.
      if (code === 'extensionerror') return graphFailure('INVALID_REQUEST', fields);
      if (code === 'erroraccessdenied' && facts.tokenHadPermission === true && facts.accessPolicyApplies === true) {
        return graphFailure('ACCESS_POLICY_DENIED', withPermission);
      }
      return graphFailure('PERMISSION_MISSING', withPermission);
    case 404:
      if (facts.mailboxCall && UNKNOWN_USER_CODES.has(code)) return graphFailure('MAILBOX_UNAVAILABLE', fields);
      return graphFailure('NOT_FOUND', fields);
    case 408:
    case 409:
    case 412:
      // Timeouts and concurrent-modification conflicts resolve on a later attempt.
      return graphFailure('TRANSIENT', fields);
    case 429:
      return graphFailure('THROTTLED', fields);
    case 501:
      return graphFailure('INVALID_REQUEST', fields);
  }
  if (status >= 500) return graphFailure('TRANSIENT', fields);
  return graphFailure('INVALID_REQUEST', fields);
}

/** A failure with no HTTP response at all: DNS, TLS, reset connection, timeout. */
export function networkFailure(): GraphFailure {
  return graphFailure('TRANSIENT', { status: null, code: null });
}

const MSAL_TRANSIENT_CODES = lower(['network_error', 'temporarily_unavailable', 'service_unavailable']);

/**
 * Classifies an MSAL error by `errorCode` and the token endpoint's HTTP status. A rejected
 * secret (`invalid_client`), an unknown app (`unauthorized_client`), an unknown tenant
 * (`invalid_request`, or an authority whose metadata cannot be resolved) and a bad scope all
 * mean the profile's credentials do not work: AUTH_FAILED.
 */
export function classifyMsalFailure(
  error: { errorCode?: unknown; status?: unknown },
  retryAfterMs?: number,
): GraphFailure {
  const code = typeof error.errorCode === 'string' ? error.errorCode : null;
  const status = typeof error.status === 'number' ? error.status : null;
  const fields = { status, code, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  if (status === 429) return graphFailure('THROTTLED', fields);
  if ((status !== null && status >= 500) || MSAL_TRANSIENT_CODES.has(code?.toLowerCase() ?? '')) {
    return graphFailure('TRANSIENT', fields);
  }
  return graphFailure('AUTH_FAILED', fields);
}

/**
 * A response Graph answered with success but in a shape the adapter cannot use. It is the
 * server's fault and may not recur, so it is TRANSIENT rather than held against the mailbox.
 */
export function malformedResponse(detail: string): GraphAdapterError {
  return new GraphAdapterError(graphFailure('TRANSIENT', { status: null, code: null }), { detail });
}
