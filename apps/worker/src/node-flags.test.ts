import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/root.ts';
import { WORKER_NODE_FLAGS } from './node-flags.ts';

describe('worker V8 flags', () => {
  it('are the ones docker-compose starts its workers with', () => {
    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
      services: { worker: { command: string[] } };
    };
    expect(compose.services.worker.command).toEqual([
      'node',
      ...WORKER_NODE_FLAGS,
      '--import',
      'tsx',
      'apps/worker/src/main.ts',
    ]);
  });
});
