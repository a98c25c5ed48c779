// Starts a real PostgreSQL (embedded, fresh directory), a real redis-server and the Exchange
// emulator (HTTPS, its CA in a temporary directory) for the integration and browser tests, once
// per run, and tears them down afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmulator } from '../packages/exchange-emulator/src/index.ts';
import { createDataSource, runMigrations } from '../packages/domain/src/data-source.ts';
import { startEphemeralPostgres } from './ephemeral-postgres.ts';
import { freePort } from './free-port.ts';
import { startRedisServer } from './redis-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    /** The emulator's origin, `https://localhost:PORT`; its CA is trusted through NODE_EXTRA_CA_CERTS. */
    emulatorUrl: string;
    /** Where the emulator keeps its CA: a test may start a private emulator there (same CA, trusted). */
    emulatorDataDir: string;
    /** MAILROOM_SECRET_KEY shared by the API and worker processes of the run. */
    secretKey: string;
  }
}

export default async function setup(project: TestProject) {
  const emulatorDataDir = await mkdtemp(join(tmpdir(), 'mailroom-emulator-'));
  const [postgres, redis, emulator] = await Promise.all([
    startEphemeralPostgres(),
    freePort().then((port) => startRedisServer({ port })),
    startEmulator({ port: 0, dataDir: emulatorDataDir, scenario: 'demo' }),
  ]);
  // Test workers are forked after this returns and read the variable at start-up.
  process.env.NODE_EXTRA_CA_CERTS = emulator.caCertPath;
  const dataSource = createDataSource({ url: postgres.url });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  project.provide('databaseUrl', postgres.url);
  project.provide('redisUrl', redis.url);
  project.provide('emulatorUrl', emulator.url);
  project.provide('emulatorDataDir', emulatorDataDir);
  project.provide('secretKey', randomBytes(32).toString('base64'));
  return async () => {
    await Promise.all([redis.stop(), postgres.stop(), emulator.stop()]);
    await rm(emulatorDataDir, { recursive: true, force: true });
  };
}
