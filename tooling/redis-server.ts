import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';

export interface RunningRedis {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export const REDIS_INSTALL_HINT =
  'redis-server was not found on PATH. Install it with your package manager (Debian/Ubuntu: `sudo apt-get install -y redis-server`; macOS: `brew install redis`), run one with `docker compose up redis` and set REDIS_URL=redis://127.0.0.1:6379, or point REDIS_URL at any Redis 6.2+.';

export function findRedisServer(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : null;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Spawns a redis-server on 127.0.0.1:port. With `dataDir` it keeps an append-only file there
 * (data survives restarts); without, nothing is written to disk. `configFile` comes first on the
 * command line (a Sentinel's, which it rewrites) and `args` last (e.g. `--sentinel`, Cluster mode).
 */
export async function startRedisServer(options: {
  port: number;
  dataDir?: string;
  binary?: string;
  configFile?: string;
  args?: string[];
}): Promise<RunningRedis> {
  const binary = options.binary ?? findRedisServer();
  if (!binary) throw new Error(REDIS_INSTALL_HINT);
  if (await ping(options.port)) throw new Error(`Another Redis already answers on port ${options.port}.`);
  const args = ['--port', String(options.port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--save', ''];
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    args.push('--dir', options.dataDir, '--appendonly', 'yes');
  } else {
    args.push('--appendonly', 'no');
  }
  if (options.configFile) args.unshift(options.configFile);
  args.push(...(options.args ?? []));
  // Own process group: a terminal's Ctrl-C goes to the launcher, which stops Redis last.
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 10_000;
  while (!(await ping(options.port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${options.port}:\n${output.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url: `redis://127.0.0.1:${options.port}`,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
