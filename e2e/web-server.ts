import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../tooling/free-port.ts';
import { waitForHttp } from '../tooling/wait-for-http.ts';
import { spawnNode, type Spawned } from './processes.ts';

const VITE = 'node_modules/vite/bin/vite.js';

/**
 * Builds the web app and serves it with `vite preview` (the production bundle, same-origin
 * /graphql proxied to the API), as a user's browser would get it. Each call builds into a directory
 * of its own: test files run side by side, and one build emptying a shared `dist` would take the
 * pages (and lazy chunks) from under another file's server.
 */
export async function startWeb(apiUrl: string): Promise<{ url: string; server: Spawned }> {
  const port = await freePort();
  const outDir = mkdtempSync(join(tmpdir(), 'mailroom-web-'));
  const removeOutDir = () => rmSync(outDir, { recursive: true, force: true });
  // NODE_ENV as a release build has it: vitest's own (`test`) would give React's development build.
  const build = spawnNode([VITE, 'build', 'apps/web', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    NODE_ENV: 'production',
  });
  if ((await build.exited) !== 0) {
    removeOutDir();
    throw new Error(`web build failed:\n${build.output()}`);
  }
  const preview = spawnNode([VITE, 'preview', 'apps/web', '--outDir', outDir, '--port', String(port), '--strictPort'], {
    API_URL: apiUrl,
    WEB_PORT: String(port),
  });
  // Stopping the server also removes its build.
  const server: Spawned = {
    ...preview,
    stop: () => preview.stop().finally(removeOutDir),
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, () => server.child.exitCode === null);
  } catch (error) {
    // Never leave a preview server behind when it did not come up.
    await server.stop();
    throw error;
  }
  return { url, server };
}
