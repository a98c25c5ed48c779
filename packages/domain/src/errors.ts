/**
 * The one closed set of error codes Mailroom reports. The API maps each to GraphQL
 * `extensions.code` in a single exhaustive switch; anything else is an internal error.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NEEDS_EXCHANGE_SUBSCRIPTION'
  /** Too many attempts (failed sign-ins): try again later. */
  | 'RATE_LIMITED';

/** An error whose message is written for the person who caused it; safe to show. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', `${what} was not found.`);
