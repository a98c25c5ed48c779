import type { CombinedError } from '@urql/core';

const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'NEEDS_EXCHANGE_SUBSCRIPTION',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;

/** The closed set of `extensions.code` values the API sends. */
export type ErrorCode = (typeof ERROR_CODES)[number];

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
  FORBIDDEN: 'You do not have permission to do this. Ask an administrator.',
  BAD_USER_INPUT: 'Some of what you entered is not valid. Check it and try again.',
  NOT_FOUND: 'We could not find what you asked for. It may have been deleted.',
  CONFLICT: 'Someone changed this at the same time. Refresh and try again.',
  NEEDS_EXCHANGE_SUBSCRIPTION:
    'Email cannot be configured yet: connect a Microsoft 365 tenant that has an Exchange Online subscription.',
  RATE_LIMITED: 'Too many attempts. Wait a few minutes and try again.',
  SERVICE_UNAVAILABLE: 'Mailroom is briefly unavailable (a restart or failover). Try again in a few seconds.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again in a moment.',
};

// The API writes these messages for the person using the app; the others may carry internals.
const MESSAGES_FOR_PEOPLE: readonly ErrorCode[] = [
  'BAD_USER_INPUT',
  'NEEDS_EXCHANGE_SUBSCRIPTION',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
];

const NETWORK_MESSAGE = 'Mailroom cannot reach its server. Check your connection and try again.';

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** Known codes only; anything else counts as an internal error. */
export function errorCodesOf(error: CombinedError): ErrorCode[] {
  return error.graphQLErrors.map(({ extensions }) =>
    isErrorCode(extensions.code) ? extensions.code : 'INTERNAL_SERVER_ERROR',
  );
}

/**
 * A sentence a person can act on: the API's own message for the codes whose messages are written
 * for people, otherwise a fixed text chosen by the code. Pass `overrides` where a screen knows
 * better (the sign-in form says what UNAUTHENTICATED means there).
 */
export function errorMessage(error: CombinedError, overrides: Partial<Record<ErrorCode, string>> = {}): string {
  const [code] = errorCodesOf(error);
  if (code === undefined) return error.response?.status === 401 ? DEFAULT_MESSAGES.UNAUTHENTICATED : NETWORK_MESSAGE;
  const override = overrides[code];
  if (override !== undefined) return override;
  const message = error.graphQLErrors[0]?.message.trim() ?? '';
  return MESSAGES_FOR_PEOPLE.includes(code) && message !== '' ? message : DEFAULT_MESSAGES[code];
}
