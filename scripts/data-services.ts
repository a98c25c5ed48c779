// The launcher's data servers (embedded PostgreSQL and redis-server) in a process group of their
// own, so a terminal's Ctrl-C reaches only the launcher, which stops them last, after the API and
// workers have drained. Prints `READY {"databaseUrl":…,"redisUrl":…}` once both accept
// connections; stops on SIGTERM or when the launcher goes away (stdin closes).
import { loadLauncherConfig } from './launcher-config.ts';
import { LaunchError, startPostgres, startRedis, type Service } from './services.ts';

const services: Service[] = [];
let stopping = false;

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const service of services.reverse()) await service.stop().catch(() => undefined);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
process.stdin.on('end', () => void stop(0));
process.stdin.resume();

try {
  const config = loadLauncherConfig();
  const log = (line: string) => console.log(line);
  // Each is recorded as soon as it runs, so a failure of the other still stops it.
  const [postgres, redis] = await Promise.all([
    startPostgres(config, log).then((service) => (services.push(service), service)),
    startRedis(config, log).then((service) => (services.push(service), service)),
  ]);
  console.log(`READY ${JSON.stringify({ databaseUrl: postgres.url, redisUrl: redis.url })}`);
} catch (error) {
  console.log(`FAILED ${error instanceof LaunchError || error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
