import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, isInfrastructureUnavailable, type ErrorCode } from '@mailroom/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ArgumentValidationError } from 'type-graphql';

/** The GraphQL `extensions.code` of every domain error code; the one place they are mapped. */
export function extensionCode(code: ErrorCode): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'BAD_USER_INPUT':
      return 'BAD_USER_INPUT';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'CONFLICT':
      return 'CONFLICT';
    case 'NEEDS_EXCHANGE_SUBSCRIPTION':
      return 'NEEDS_EXCHANGE_SUBSCRIPTION';
    case 'RATE_LIMITED':
      return 'RATE_LIMITED';
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

// Codes Apollo and graphql-js themselves produce for malformed requests; safe to pass through.
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Turns whatever a resolver threw into what a client may see: domain errors keep their message
 * and code; request errors pass through; PostgreSQL or Redis out of reach becomes
 * SERVICE_UNAVAILABLE (try again); anything else becomes a generic internal error, logged with its
 * details but shown without them.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Errors of subscription streams arrive located (a GraphQLError around the resolver's error).
    let original = unwrapResolverError(error);
    while (original instanceof GraphQLError && original.originalError)
      original = unwrapResolverError(original.originalError);
    const base = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { code: extensionCode(original.code) } };
    }
    if (original instanceof ArgumentValidationError) {
      const details = original.extensions.validationErrors as
        { property: string; constraints?: Record<string, string> }[] | undefined;
      const message =
        details?.flatMap((d) => Object.values(d.constraints ?? {})).join('; ') || 'The arguments are not valid.';
      return { ...base, message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const code = formatted.extensions?.code;
    if (
      typeof code === 'string' &&
      REQUEST_ERROR_CODES.has(code) &&
      !(original instanceof Error && !(original instanceof GraphQLError))
    ) {
      return { ...base, message: formatted.message, extensions: { code } };
    }
    if (isInfrastructureUnavailable(original)) {
      // A restart or failover of PostgreSQL or Redis: the request may simply be tried again.
      logger.warn({ err: original, path: formatted.path }, 'database or queue unavailable during a GraphQL operation');
      return {
        ...base,
        message:
          'Mailroom cannot reach its database or job queue for a moment (a restart or failover). Try again in a few seconds.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving a GraphQL operation');
    return {
      ...base,
      message: 'Something went wrong on our side. Try again; if it keeps happening, contact your administrator.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
