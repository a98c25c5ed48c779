// Starts a real PostgreSQL (embedded, fresh directory) and a real redis-server for the
// integration and browser tests, once per run, and tears them down afterwards.
import type { TestProject } from 'vitest/node';
import { createDataSource, runMigrations } from '../packages/domain/src/data-source.ts';
import { startEphemeralPostgres } from './ephemeral-postgres.ts';
import { freePort } from './free-port.ts';
import { startRedisServer } from './redis-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const [postgres, redis] = await Promise.all([
    startEphemeralPostgres(),
    freePort().then((port) => startRedisServer({ port })),
  ]);
  const dataSource = createDataSource({ url: postgres.url });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  project.provide('databaseUrl', postgres.url);
  project.provide('redisUrl', redis.url);
  return async () => {
    await Promise.all([redis.stop(), postgres.stop()]);
  };
}
