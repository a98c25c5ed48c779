import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { startWorkerRuntime } from './runtime.ts';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
const logger = pino({ name: 'worker', level: config.LOG_LEVEL });

try {
  const runtime = await startWorkerRuntime(config, logger);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining in-flight jobs, then stopping');
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
} catch (error) {
  console.error(`Worker could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
