import type { Writable } from 'node:stream';
import { inject } from 'vitest';
import { pino } from 'pino';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createApiServer, type ApiServer } from '../server.ts';
import { TestClient } from './graphql-client.ts';

export interface ApiHarness {
  server: ApiServer;
  client: TestClient;
  baseUrl: string;
  stop(): Promise<void>;
}

/** A real API server on a free port, against the run's Postgres and Redis. */
export async function startApi(options: { logTo?: Writable; env?: Record<string, string> } = {}): Promise<ApiHarness> {
  const config = loadConfig({
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    MAILROOM_SECRET_KEY: inject('secretKey'),
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  // Tests that check what is logged (e.g. that no secret is) pass a sink and get every line.
  const logger = options.logTo ? createLogger('trace', 'api', options.logTo) : pino({ level: 'silent' });
  const server = await createApiServer(config, logger);
  const port = await server.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return { server, baseUrl, client: new TestClient(baseUrl), stop: () => server.stop() };
}
