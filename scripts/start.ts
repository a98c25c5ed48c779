// `npm start`: the whole platform on embedded defaults. Postgres and Redis (embedded unless
// DATABASE_URL / REDIS_URL are set), migrations and the demo organisation, then the API, worker
// and web, each waited for. Ctrl-C stops everything, children first, data servers last.
import { createDataSource, runMigrations, seedDemo } from '@mailroom/domain';
import { waitForHttp } from '../tooling/wait-for-http.ts';
import { startChild, prefix, type Child } from './children.ts';
import { ConfigError, loadLauncherConfig, type LauncherConfig } from './launcher-config.ts';
import { startDataServices } from './data-services.client.ts';
import { ROOT } from './root.ts';

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

try {
  const data = await startDataServices(log);
  dataServices = data;
  const postgres = { url: data.databaseUrl };
  const redis = { url: data.redisUrl };

  const dataSource = createDataSource({ url: postgres.url, poolSize: 2, applicationName: 'mailroom-launcher' });
  await dataSource.initialize();
  const applied = await runMigrations(dataSource);
  if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
  if (await seedDemo(dataSource, { password: config.MAILROOM_DEMO_PASSWORD }))
    log('seeded the demo organisation "Contoso"');
  await dataSource.destroy();

  const env = {
    ...process.env,
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    API_PORT: String(config.API_PORT),
    WEB_PORT: String(config.WEB_PORT),
    API_URL: `http://127.0.0.1:${config.API_PORT}`,
    LOG_LEVEL: config.LOG_LEVEL,
    FORCE_COLOR: process.stdout.isTTY ? '1' : '0',
  };
  const tsx = [process.execPath, '--import', 'tsx'] as const;
  const api = startChild('api', tsx[0], [...tsx.slice(1), 'apps/api/src/main.ts'], { cwd: ROOT, env });
  const worker = startChild('worker', tsx[0], [...tsx.slice(1), 'apps/worker/src/main.ts'], { cwd: ROOT, env });
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
