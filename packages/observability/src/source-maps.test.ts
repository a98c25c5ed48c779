import { getSourceMapsSupport, setSourceMapsSupport } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { mapOwnSourcesOnly } from './source-maps.ts';

const before = getSourceMapsSupport();
afterEach(() => setSourceMapsSupport(before.enabled, before));

describe('mapOwnSourcesOnly', () => {
  it('keeps stack traces mapped to our TypeScript but reads no package maps', () => {
    // As tsx leaves a process: every map, node_modules included.
    setSourceMapsSupport(true, { nodeModules: true, generatedCode: true });
    mapOwnSourcesOnly();
    expect(getSourceMapsSupport()).toEqual({ enabled: true, nodeModules: false, generatedCode: false });
  });
});
