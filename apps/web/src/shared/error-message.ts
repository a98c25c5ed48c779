import type { CombinedError } from '@urql/core';
import { textOf } from './i18n';
import { sharedText } from './shared.strings';

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

// The API writes these messages for the person using the app; the others may carry internals.
const MESSAGES_FOR_PEOPLE: readonly ErrorCode[] = [
  'BAD_USER_INPUT',
  'NEEDS_EXCHANGE_SUBSCRIPTION',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
];

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
 * for people, otherwise a fixed text chosen by the code, in the reader's language. Pass `overrides`
 * where a screen knows better (the sign-in form says what UNAUTHENTICATED means there).
 */
export function errorMessage(error: CombinedError, overrides: Partial<Record<ErrorCode, string>> = {}): string {
  // Read at call time, so the message is in the language the page is shown in now.
  const t = textOf(sharedText);
  const [code] = errorCodesOf(error);
  if (code === undefined) return t(error.response?.status === 401 ? 'error.UNAUTHENTICATED' : 'error.network');
  const override = overrides[code];
  if (override !== undefined) return override;
  const message = error.graphQLErrors[0]?.message.trim() ?? '';
  return MESSAGES_FOR_PEOPLE.includes(code) && message !== '' ? message : t(`error.${code}`);
}
