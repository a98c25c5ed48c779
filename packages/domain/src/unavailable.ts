/** Node socket errors that mean the other end is not there (or went away mid-request). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * PostgreSQL's own: class 08 (connection exception), and 57P01–57P03 (the server is shutting
 * down, crashed, or not accepting connections yet).
 */
const isPostgresUnavailable = (code: string) => code.startsWith('08') || /^57P0[123]$/.test(code);

/** What the drivers say when a connection they held is gone (node-postgres, ioredis). */
const CLOSED_CONNECTION = /Connection terminated|Connection is closed|Client has encountered a connection error/i;

/**
 * Whether an error means PostgreSQL or Redis could not be reached — a restart, a failover, a
 * network blip — rather than a fault in the request or the code. Such a request may simply be
 * tried again.
 */
export function isInfrastructureUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const { code, driverError } = current as Error & { code?: unknown; driverError?: unknown };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || isPostgresUnavailable(code))) return true;
    if (CLOSED_CONNECTION.test(current.message)) return true;
    if (current instanceof AggregateError && current.errors.some((inner) => isInfrastructureUnavailable(inner)))
      return true;
    current = driverError ?? current.cause;
  }
  return false;
}
