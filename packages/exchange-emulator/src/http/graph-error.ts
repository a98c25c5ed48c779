/** A Graph error answer; thrown anywhere below a route and rendered as the §9 envelope. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const errors = {
  badRequest: (message: string) => new GraphError(400, 'BadRequest', message),
  invalidRequest: (message: string) => new GraphError(400, 'ErrorInvalidRequest', message),
  idMalformed: () => new GraphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.'),
  itemNotFound: () => new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.'),
  accessDenied: () => new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'),
  accessPolicy: () =>
    new GraphError(
      403,
      'ErrorAccessDenied',
      'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
    ),
  resourceNotFound: (resource: string) =>
    new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${resource}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  invalidUser: (user: string) => new GraphError(404, 'ErrorInvalidUser', `The requested user '${user}' is invalid.`),
  mailboxNotEnabled: () =>
    new GraphError(
      404,
      'MailboxNotEnabledForRESTAPI',
      'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    ),
  segmentNotFound: (segment: string) =>
    new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  unknownProperty: (property: string, type: string) =>
    new GraphError(
      400,
      'BadRequest',
      `Could not find a property named '${property}' on type 'microsoft.graph.${type}'.`,
    ),
  invalidToken: (message: string) =>
    new GraphError(401, 'InvalidAuthenticationToken', message, {
      'WWW-Authenticate':
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    }),
  throttled: (retryAfterSeconds: number, limit: string) =>
    new GraphError(429, 'ApplicationThrottled', `Application is over its ${limit} limit.`, {
      'Retry-After': String(retryAfterSeconds),
    }),
} as const;
