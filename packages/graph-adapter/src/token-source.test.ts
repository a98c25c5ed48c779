import { describe, expect, it } from 'vitest';
import { readRoles } from './token-source.ts';

const jwt = (claims: unknown) =>
  ['{"alg":"RS256","typ":"JWT"}', JSON.stringify(claims), 'signature']
    .map((part, i) => (i < 2 ? Buffer.from(part).toString('base64url') : part))
    .join('.');

describe('readRoles', () => {
  it('reads the roles claim of an app-only token', () => {
    expect(readRoles(jwt({ roles: ['Mail.ReadWrite', 'Mail.Send'], idtyp: 'app' }))).toEqual(
      new Set(['Mail.ReadWrite', 'Mail.Send']),
    );
  });

  it('treats a token without roles as holding none', () => {
    expect(readRoles(jwt({ idtyp: 'app' }))).toEqual(new Set());
  });

  it('gives up on opaque or malformed tokens', () => {
    expect(readRoles('opaque-token')).toBeUndefined();
    expect(readRoles('a.%%%.c')).toBeUndefined();
    expect(readRoles(jwt({ roles: 'Mail.Send' }))).toBeUndefined();
    expect(readRoles(jwt(null))).toBeUndefined();
  });
});
