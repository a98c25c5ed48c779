import { mapOwnSourcesOnly } from '@mailroom/observability/source-maps';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.ts';

mapOwnSourcesOnly();

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

// Tracing patches http, pg and ioredis as they load, so it starts before the runtime module is
// imported; without an endpoint the OpenTelemetry SDK is never loaded.
const otlpEndpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT;
const tracing = otlpEndpoint
  ? await import('@mailroom/observability/tracing').then(({ startTracing }) =>
      startTracing({ endpoint: otlpEndpoint, serviceName: config.OTEL_SERVICE_NAME }),
    )
  : null;

try {
  const { startWorkerRuntime } = await import('./runtime.ts');
  const runtime = await startWorkerRuntime(config, logger);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining in-flight jobs, then stopping');
    await runtime.stop();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
} catch (error) {
  console.error(`Worker could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
