import { createHash, randomBytes } from 'node:crypto';

/** A random bearer token (256 bits, URL-safe) with a prefix that says what it is. */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What is stored in place of a token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
