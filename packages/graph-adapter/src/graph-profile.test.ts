import { describe, expect, it } from 'vitest';
import { GraphAdapterError } from './graph-errors.ts';
import { resolveProfile } from './graph-profile.ts';

const profile = {
  graphBaseUrl: 'https://localhost:4100/',
  authorityUrl: 'https://localhost:4100',
  tenantId: 't',
  clientId: 'c',
  clientSecret: 's3cr3t',
};

describe('resolveProfile', () => {
  it('normalises origins and defaults the concurrency to Exchange’s 4', () => {
    expect(resolveProfile(profile)).toEqual({
      ...profile,
      graphBaseUrl: 'https://localhost:4100',
      maxConcurrentRequestsPerMailbox: 4,
    });
  });

  it.each([
    ['plain http', { graphBaseUrl: 'http://localhost:4100' }, 'graphBaseUrl must use https'],
    [
      'a path prefix',
      { graphBaseUrl: 'https://localhost:4100/graph' },
      'graphBaseUrl must be an origin without a path',
    ],
    ['the version in the URL', { graphBaseUrl: 'https://graph.microsoft.com/v1.0' }, 'graphBaseUrl must be an origin'],
    ['a bad authority', { authorityUrl: 'login' }, 'authorityUrl is not a URL'],
    ['no secret', { clientSecret: '' }, 'clientSecret'],
    ['zero concurrency', { maxConcurrentRequestsPerMailbox: 0 }, 'maxConcurrentRequestsPerMailbox'],
  ])('refuses %s', (_, change, message) => {
    try {
      resolveProfile({ ...profile, ...change });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GraphAdapterError);
      expect((error as GraphAdapterError).kind).toBe('INVALID_REQUEST');
      expect((error as Error).message).toContain(message);
      expect((error as Error).message).not.toContain('s3cr3t');
    }
  });
});
