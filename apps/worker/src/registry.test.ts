import { describe, expect, it } from 'vitest';
import { assertRegistryComplete, PROCESSORS } from './registry.ts';

describe('job registry', () => {
  it('has a processor for every job of the contract', () => {
    expect(() => assertRegistryComplete()).not.toThrow();
  });

  it('refuses to start when a job has no processor', () => {
    const { heartbeat: _removed, ...incomplete } = PROCESSORS;
    expect(() => assertRegistryComplete(incomplete)).toThrow('no processor for heartbeat');
  });

  it('refuses to start when the registry names a job the contract does not know', () => {
    expect(() => assertRegistryComplete({ ...PROCESSORS, mystery: async () => {} })).toThrow('unknown job mystery');
  });
});
