// The processes a chaos run starts, each one the real thing and each one killable: a PostgreSQL
// server and a redis-server that can be crashed and started again on the same port and data, the
// API and worker processes, and a handle on an Exchange emulator.
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTs, spawnWorker, type Spawned } from '../e2e/processes.ts';
import { freePort } from '../tooling/free-port.ts';
import { startPostgresServer, type RunningPostgres } from '../tooling/postgres-server.ts';
import { startRedisServer, type RunningRedis } from '../tooling/redis-server.ts';

/**
 * Every process a run started and has not stopped yet, killed when this process exits however it
 * exits (a finished run, a test timeout, Ctrl-C): a run never leaves servers behind.
 */
const live = new Set<{ kill(signal: NodeJS.Signals): unknown; pid?: number | undefined }>();
/** Temporary data directories of the run's servers, removed on the way out too. */
const directories = new Set<string>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

function track<T extends { kill(signal: NodeJS.Signals): unknown; once(event: 'exit', f: () => void): unknown }>(
  child: T,
): T {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** An Exchange emulator reached over HTTPS, with its control API. */
export interface EmulatorHandle {
  url: string;
  control<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Calls `/_emulator/...` of the emulator at `url`; a refusal throws with the emulator's message. */
export function emulatorHandle(url: string): EmulatorHandle {
  return {
    url,
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${url}/_emulator/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} /_emulator/${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

function waitForExit(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => child.once('exit', () => resolve()));
}

/** A PostgreSQL server in a temporary directory that can crash (immediate shutdown) and come back. */
export class CrashablePostgres {
  private constructor(
    private server: RunningPostgres,
    private readonly options: Parameters<typeof startPostgresServer>[0],
    private readonly parent: string,
  ) {}

  static async start(): Promise<CrashablePostgres> {
    const parent = mkdtempSync(join(tmpdir(), 'mailroom-chaos-pg-'));
    directories.add(parent);
    chmodSync(parent, 0o711); // under root the server runs as the postgres user
    const options = {
      dataDir: join(parent, 'data'),
      port: await freePort(),
      user: 'postgres',
      password: 'chaos',
      database: 'mailroom',
    };
    const server = await startPostgresServer(options);
    track(server.process);
    return new CrashablePostgres(server, options, parent);
  }

  get url(): string {
    return this.server.url;
  }

  get pid(): number {
    return this.server.process.pid!;
  }

  /**
   * SIGQUIT: PostgreSQL's immediate shutdown — every backend is dropped without a checkpoint, as in
   * a crash — then, after `downMs`, the server starts again on the same data and runs recovery.
   */
  async crashAndRestart(downMs: number): Promise<void> {
    const child = this.server.process;
    child.kill('SIGQUIT');
    await waitForExit(child);
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.server = await startPostgresServer(this.options);
    track(this.server.process);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    rmSync(this.parent, { recursive: true, force: true });
    directories.delete(this.parent);
  }
}

/** A redis-server with an append-only file (as docker-compose runs it) that can be killed and restarted. */
export class CrashableRedis {
  private constructor(
    private server: RunningRedis,
    private readonly port: number,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<CrashableRedis> {
    const dataDir = mkdtempSync(join(tmpdir(), 'mailroom-chaos-redis-'));
    directories.add(dataDir);
    const port = await freePort();
    const server = await startRedisServer({ port, dataDir });
    track(server.process);
    return new CrashableRedis(server, port, dataDir);
  }

  get url(): string {
    return this.server.url;
  }

  get pid(): number {
    return this.server.process.pid!;
  }

  /** SIGKILL (whatever the append-only file had not synced yet is lost), then a new server after `downMs`. */
  async crashAndRestart(downMs: number): Promise<void> {
    const child = this.server.process;
    child.kill('SIGKILL');
    await waitForExit(child);
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.server = await startRedisServer({ port: this.port, dataDir: this.dataDir });
    track(this.server.process);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
    directories.delete(this.dataDir);
  }
}

export interface StackSettings {
  databaseUrl: string;
  redisUrl: string;
  secretKey: string;
}

/** A process of the stack, and whether the run killed it on purpose. */
export interface StackProcess {
  role: 'api' | 'worker';
  process: Spawned;
  killedOnPurpose: boolean;
}

export const isAlive = (p: StackProcess) => p.process.child.exitCode === null && p.process.child.signalCode === null;

export async function startApiProcess(stack: StackSettings): Promise<{ process: StackProcess; url: string }> {
  const port = await freePort();
  const api = spawnTs('apps/api/src/main.ts', {
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    MAILROOM_SECRET_KEY: stack.secretKey,
    API_PORT: String(port),
    API_HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  });
  track(api.child);
  await api.waitFor('API listening', 60_000);
  return { process: { role: 'api', process: api, killedOnPurpose: false }, url: `http://127.0.0.1:${port}` };
}

export async function startWorkerProcess(stack: StackSettings, env: Record<string, string>): Promise<StackProcess> {
  const worker = spawnWorker({
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    MAILROOM_SECRET_KEY: stack.secretKey,
    LOG_LEVEL: 'info',
    ...env,
  });
  track(worker.child);
  await worker.waitFor('worker ready', 60_000);
  return { role: 'worker', process: worker, killedOnPurpose: false };
}

/** Warnings and errors the processes logged (pino JSON, level ≥ 40), counted by message, most frequent first. */
export function loggedProblems(processes: StackProcess[], minLevel = 40): { message: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const p of processes) {
    for (const line of p.process.output().split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: unknown };
        if ((entry.level ?? 0) < minLevel) continue;
        const err = typeof entry.err === 'string' ? entry.err : ((entry.err as { message?: string })?.message ?? '');
        const key = `${p.role}: ${entry.msg ?? '?'}${err ? `: ${err.slice(0, 100)}` : ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      } catch {
        // not a log line
      }
    }
  }
  return [...counts].map(([message, count]) => ({ message, count })).sort((a, b) => b.count - a.count);
}
