import { describe, expect, it } from 'vitest';
import { parseDeltaCursor } from './delta-cursor.ts';
import { GraphAdapterError } from './graph-errors.ts';

const origin = 'https://localhost:4100';

describe('parseDeltaCursor', () => {
  it('tells a deltaLink from a nextLink', () => {
    const delta = `${origin}/v1.0/users('u1')/mailFolders('inbox')/messages/delta?$deltatoken=abc_-123`;
    const next = `${origin}/v1.0/users('u1')/mailFolders('inbox')/messages/delta?$skiptoken=GwcBoTmP`;
    expect(parseDeltaCursor(delta, origin)).toEqual({ url: delta, kind: 'delta' });
    expect(parseDeltaCursor(next, origin)).toEqual({ url: next, kind: 'next' });
  });

  it('accepts the token parameter in any case', () => {
    expect(parseDeltaCursor(`${origin}/v1.0/x/delta?$DeltaToken=a`, origin).kind).toBe('delta');
    expect(parseDeltaCursor(`${origin}/v1.0/x/delta?$skipToken=a`, origin).kind).toBe('next');
  });

  it.each([
    ['not a URL', 'deltatoken=abc'],
    ['another origin', 'https://graph.microsoft.com/v1.0/users/u/messages/delta?$deltatoken=a'],
    ['another port', 'https://localhost:4101/v1.0/users/u/messages/delta?$deltatoken=a'],
    ['another API version', `${origin}/beta/users/u/messages/delta?$deltatoken=a`],
    ['no token', `${origin}/v1.0/users/u/messages/delta`],
  ])('reports %s as an expired cursor', (_, cursor) => {
    try {
      parseDeltaCursor(cursor, origin);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GraphAdapterError);
      expect((error as GraphAdapterError).failure).toMatchObject({
        kind: 'CURSOR_EXPIRED',
        status: null,
        permanent: true,
      });
    }
  });
});
