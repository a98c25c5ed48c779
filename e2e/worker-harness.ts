import type { Writable } from 'node:stream';
import { pino } from 'pino';
import { inject } from 'vitest';
import { loadConfig } from '../apps/worker/src/config.ts';
import { startWorkerRuntime, type WorkerRuntime } from '../apps/worker/src/runtime.ts';

/** A worker runtime in the test process, against the run's Postgres and Redis; logs go to `logTo` if given. */
export function startWorker(options: { logTo?: Writable; env?: Record<string, string> } = {}): Promise<WorkerRuntime> {
  const config = loadConfig({
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    MAILROOM_SECRET_KEY: inject('secretKey'),
    // Several runtimes may run in one test process: each serves its metrics on a free port.
    WORKER_METRICS_PORT: '0',
    ...options.env,
  });
  return startWorkerRuntime(
    config,
    options.logTo ? pino({ level: 'debug' }, options.logTo) : pino({ level: 'silent' }),
  );
}
