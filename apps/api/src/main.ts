import { mapOwnSourcesOnly } from '@mailroom/observability/source-maps';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';

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
const logger = createLogger(config.LOG_LEVEL, 'api');

// Tracing patches http, express, graphql, pg and ioredis as they load, so it starts before the
// server module is imported; without an endpoint the OpenTelemetry SDK is never loaded.
const otlpEndpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT;
const tracing = otlpEndpoint
  ? await import('@mailroom/observability/tracing').then(({ startTracing }) =>
      startTracing({ endpoint: otlpEndpoint, serviceName: config.OTEL_SERVICE_NAME }),
    )
  : null;

try {
  const { createApiServer } = await import('./server.ts');
  const server = await createApiServer(config, logger);
  const port = await server.listen(config.API_PORT, config.API_HOST);
  logger.info({ port }, `API listening on http://localhost:${port}/graphql`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await server.stop();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
} catch (error) {
  logger.fatal({ err: error instanceof Error ? error.message : String(error) }, 'API could not start');
  console.error(`API could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
