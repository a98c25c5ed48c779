import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startPostgresServer } from '../tooling/postgres-server.ts';
import { findRedisServer, REDIS_INSTALL_HINT, startRedisServer } from '../tooling/redis-server.ts';
import type { LauncherConfig } from './launcher-config.ts';

/** A startup failure with a message for the person at the terminal (no stack trace). */
export class LaunchError extends Error {}

export interface Service {
  url: string;
  stop(): Promise<void>;
}

function describeConnectionError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
    return `${error.code}${message ? ` (${message})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function checkPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new LaunchError(`DATABASE_URL: cannot connect to ${redactUrl(url)}: ${describeConnectionError(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The external database when DATABASE_URL is set, otherwise an embedded PostgreSQL kept in .data/postgres. */
export async function startPostgres(config: LauncherConfig, log: (line: string) => void): Promise<Service> {
  if (config.DATABASE_URL) {
    await checkPostgres(config.DATABASE_URL);
    log(`using PostgreSQL at ${redactUrl(config.DATABASE_URL)}`);
    return { url: config.DATABASE_URL, stop: async () => {} };
  }
  const dataDir = join(config.dataDir, 'postgres');
  if (!existsSync(join(dataDir, 'PG_VERSION'))) log(`creating the embedded PostgreSQL database in ${dataDir}`);
  try {
    const server = await startPostgresServer({
      dataDir,
      port: config.EMBEDDED_POSTGRES_PORT,
      user: 'mailroom',
      password: 'mailroom',
      database: 'mailroom',
      fixAncestorPermissions: (dirs) => {
        // PostgreSQL runs as the postgres user under root; it must be able to walk to the data.
        for (const dir of dirs) chmodSync(dir, statSync(dir).mode | 0o001);
        log(`made ${dirs.join(', ')} traversable (o+x) so the postgres user can reach ${dataDir}`);
      },
    });
    log(`embedded PostgreSQL on 127.0.0.1:${config.EMBEDDED_POSTGRES_PORT} (data in ${dataDir})`);
    return server;
  } catch (error) {
    throw new LaunchError(
      `embedded PostgreSQL did not start on port ${config.EMBEDDED_POSTGRES_PORT}: ${describeConnectionError(error)}\nIs another server using the port? Set EMBEDDED_POSTGRES_PORT, or DATABASE_URL to use your own PostgreSQL.`,
    );
  }
}

function installRedisWithApt(log: (line: string) => void): boolean {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!isRoot || !hasApt) return false;
  log('redis-server is not installed; installing it with apt-get (Debian package redis-server)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env });
  return install !== false && install.status === 0 && findRedisServer() !== null;
}

/** The external Redis when REDIS_URL is set, otherwise a redis-server kept in .data/redis. */
export async function startRedis(config: LauncherConfig, log: (line: string) => void): Promise<Service> {
  if (config.REDIS_URL) {
    log(`using Redis at ${redactUrl(config.REDIS_URL)}`);
    return { url: config.REDIS_URL, stop: async () => {} };
  }
  if (!findRedisServer() && !installRedisWithApt(log)) throw new LaunchError(REDIS_INSTALL_HINT);
  const dataDir = join(config.dataDir, 'redis');
  try {
    const redis = await startRedisServer({ port: config.EMBEDDED_REDIS_PORT, dataDir });
    log(`redis-server on 127.0.0.1:${config.EMBEDDED_REDIS_PORT} (data in ${dataDir})`);
    return redis;
  } catch (error) {
    throw new LaunchError(
      `${error instanceof Error ? error.message : String(error)}\nIs another server using port ${config.EMBEDDED_REDIS_PORT}? Set EMBEDDED_REDIS_PORT, or REDIS_URL to use your own Redis.`,
    );
  }
}
