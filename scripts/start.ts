// `npm start`: the whole platform on embedded defaults. Postgres and Redis (embedded unless
// DATABASE_URL / REDIS_URL are set), migrations and the demo organisation, then the API, worker
// and web, each waited for. Ctrl-C stops everything, children first, data servers last.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createDataSource, runMigrations, SecretCipher, seedDemo, type DemoConnection } from '@mailroom/domain';
import { DEMO_TENANT } from '@mailroom/exchange-emulator';
import { waitForHttp, waitForPort } from '../tooling/wait-for-http.ts';
import { startChild, prefix, type Child } from './children.ts';
import { ConfigError, loadLauncherConfig, type LauncherConfig } from './launcher-config.ts';
import { startDataServices } from './data-services.client.ts';
import { ROOT } from './root.ts';
import { WORKER_NODE_FLAGS } from '../apps/worker/src/node-flags.ts';

const log = (line: string) => process.stdout.write(`${prefix('launcher')} ${line}\n`);

let config: LauncherConfig;
try {
  config = loadLauncherConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const children: Child[] = [];
let dataServices: { stop(): Promise<void> } | undefined;
let stopping = false;

/** Stops children first, then the data servers. Repeated signals (npm and tsx relay Ctrl-C too) do not cut it short. */
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  await Promise.all(children.map((child) => child.stop()));
  await dataServices?.stop();
  log('stopped');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

/** MAILROOM_SECRET_KEY, or one generated on first start and kept in the data directory. */
function secretKey(): string {
  if (config.MAILROOM_SECRET_KEY) return config.MAILROOM_SECRET_KEY;
  const file = join(config.dataDir, 'secret-key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    log(`generated MAILROOM_SECRET_KEY in ${file}`);
  }
  return readFileSync(file, 'utf8').trim();
}

try {
  const key = secretKey();
  const useEmulator = !config.GRAPH_BASE_URL;
  const emulatorUrl = `https://localhost:${config.EMULATOR_PORT}`;
  const graphBaseUrl = config.GRAPH_BASE_URL ?? emulatorUrl;
  const authorityUrl = config.GRAPH_AUTHORITY_URL ?? (useEmulator ? emulatorUrl : 'https://login.microsoftonline.com');
  if (useEmulator) {
    const emulator = startChild('emulator', process.execPath, ['--import', 'tsx', 'scripts/emulator.ts'], {
      cwd: ROOT,
      env: process.env,
    });
    children.push(emulator);
    await waitForPort(config.EMULATOR_PORT, () => emulator.process.exitCode === null);
  }

  const data = await startDataServices(log);
  dataServices = data;
  const postgres = { url: data.databaseUrl };
  const redis = { url: data.redisUrl };

  const dataSource = createDataSource({ url: postgres.url, poolSize: 2, applicationName: 'mailroom-launcher' });
  await dataSource.initialize();
  const applied = await runMigrations(dataSource);
  if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
  const connection: DemoConnection = {
    tenantId: DEMO_TENANT.tenantId,
    clientId: DEMO_TENANT.clientId,
    clientSecretEncrypted: new SecretCipher(Buffer.from(key, 'base64')).encrypt(DEMO_TENANT.clientSecret),
    graphEndpoint: graphBaseUrl,
    authorityUrl,
  };
  if (await seedDemo(dataSource, { password: config.MAILROOM_DEMO_PASSWORD, connection })) {
    log('seeded the demo organisation "Contoso", connected to the emulator’s demo tenant');
  }
  await dataSource.destroy();

  const env = {
    ...process.env,
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    API_PORT: String(config.API_PORT),
    WEB_PORT: String(config.WEB_PORT),
    API_URL: `http://127.0.0.1:${config.API_PORT}`,
    LOG_LEVEL: config.LOG_LEVEL,
    MAILROOM_SECRET_KEY: key,
    // API and workers trust the emulator's local CA (nothing turns TLS verification off).
    ...(useEmulator ? { NODE_EXTRA_CA_CERTS: join(config.dataDir, 'emulator', 'ca.pem') } : {}),
    // The local emulator reaches the API for change notifications; Microsoft's cloud needs a public
    // URL (PUBLIC_API_URL), without which mailboxes are synced by polling.
    ...(useEmulator && !process.env.PUBLIC_API_URL ? { PUBLIC_API_URL: `http://127.0.0.1:${config.API_PORT}` } : {}),
    FORCE_COLOR: process.stdout.isTTY ? '1' : '0',
  };
  const tsx = [process.execPath, '--import', 'tsx'] as const;
  const api = startChild('api', tsx[0], [...tsx.slice(1), 'apps/api/src/main.ts'], { cwd: ROOT, env });
  const worker = startChild('worker', tsx[0], [...WORKER_NODE_FLAGS, ...tsx.slice(1), 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env,
  });
  const web = startChild('web', process.execPath, [`${ROOT}/node_modules/vite/bin/vite.js`, '--clearScreen', 'false'], {
    cwd: `${ROOT}/apps/web`,
    env,
  });
  children.push(api, worker, web);
  for (const child of children) {
    void child.exited.then((code) => {
      if (stopping) return;
      log(`${child.name} exited unexpectedly (code ${code}); stopping everything`);
      void shutdown(1);
    });
  }
  const alive = (child: Child) => () => child.process.exitCode === null;
  await Promise.all([
    waitForHttp(`http://127.0.0.1:${config.API_PORT}/readyz`, alive(api)),
    waitForHttp(`http://127.0.0.1:${config.WEB_PORT}/`, alive(web)),
  ]);

  const lines = [
    '',
    'Mailroom is running.',
    `  Web console   http://localhost:${config.WEB_PORT}`,
    `  GraphQL API   http://localhost:${config.API_PORT}/graphql   (ready: /readyz)`,
    useEmulator
      ? `  Exchange      ${emulatorUrl} (emulator, demo tenant; CA ${join(config.dataDir, 'emulator', 'ca.pem')})`
      : `  Exchange      ${graphBaseUrl}`,
    `  Sign in as    admin@contoso.example / ${config.MAILROOM_DEMO_PASSWORD}`,
    '                (every demo user, e.g. sales.pro@contoso.example, has the same password)',
    'Press Ctrl-C to stop.',
    '',
  ];
  for (const line of lines) log(line);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  log(`could not start: ${message}`);
  await shutdown(1);
}
