import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('web GraphQL types', () => {
  it('are generated from the committed schema (run `npm run codegen` when this fails)', () => {
    const result = spawnSync(
      process.execPath,
      ['../../node_modules/@graphql-codegen/cli/cjs/bin.js', '--config', 'codegen.ts', '--check'],
      {
        cwd: fileURLToPath(new URL('.', import.meta.url)),
        encoding: 'utf8',
      },
    );
    expect(result.stdout + result.stderr).not.toMatch(/modified|Error/i);
    expect(result.status).toBe(0);
  }, 60_000);
});
