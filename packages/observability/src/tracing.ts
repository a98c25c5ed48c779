import { register } from 'node:module';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { createAddHookMessageChannel } from 'import-in-the-middle';

/**
 * Import this module (dynamically) only when tracing is configured: it loads the OpenTelemetry SDK,
 * and it must run before http, express, graphql, pg or ioredis are loaded, since instrumentations
 * patch modules as they load. Each app's main.ts starts it first and imports the server or worker
 * runtime afterwards.
 */
export interface TracingOptions {
  /** OTLP/HTTP base URL (OTEL_EXPORTER_OTLP_ENDPOINT); spans go to `<endpoint>/v1/traces` as JSON. */
  endpoint: string;
  /** service.name (OTEL_SERVICE_NAME). */
  serviceName: string;
}

export interface Tracing {
  /** Exports the spans still buffered and stops tracing. */
  shutdown(): Promise<void>;
}

// Operational endpoints polled every few seconds would drown the traces that matter.
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export async function startTracing(options: TracingOptions): Promise<Tracing> {
  // ESM imports are hooked only for the modules the instrumentations name (not every module the
  // app loads); require() calls are hooked by the instrumentations themselves.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` }),
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);

  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // No header is recorded unless listed (the Authorization header never is).
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
      }),
      new ExpressInstrumentation(),
      // Variables (passwords, client secrets) are not recorded (allowValues false); one span per
      // resolver would make a timeline page thousands of spans.
      new GraphQLInstrumentation({ allowValues: false, ignoreResolveSpans: true }),
      // The SQL text with its $n placeholders, never the parameter values.
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      // The command name only: keys hold email addresses and values hold tokens.
      new IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
    ],
  });
  await waitForAllMessagesAcknowledged();

  return {
    async shutdown() {
      await provider.shutdown();
    },
  };
}
