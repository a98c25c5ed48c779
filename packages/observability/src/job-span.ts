import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

// The API package alone is light, and without a registered tracer provider (tracing not
// configured) every span is a no-op.
const tracer = trace.getTracer('@mailroom/worker');

export interface JobSpanOf {
  queue: string;
  name: string;
  id: string | undefined;
  attempt: number;
}

/**
 * Runs a job inside a span, the root of the job's trace: its SQL and Redis commands become its
 * children (the Redis instrumentation records nothing without a parent).
 * `isFailure` tells a failed run from an expected early end (e.g. waiting for a rate limit).
 */
export function inJobSpan<T>(
  job: JobSpanOf,
  run: () => Promise<T>,
  isFailure: (error: unknown) => boolean,
): Promise<T> {
  return tracer.startActiveSpan(
    `job ${job.name}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.operation.type': 'process',
        'messaging.destination.name': job.queue,
        ...(job.id === undefined ? {} : { 'messaging.message.id': job.id }),
        'mailroom.job.attempt': job.attempt,
      },
    },
    async (span) => {
      try {
        return await run();
      } catch (error) {
        if (isFailure(error)) {
          span.setStatus({
            code: SpanStatusCode.ERROR,
            message: error instanceof Error ? error.message : String(error),
          });
        }
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
