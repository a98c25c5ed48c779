import { createServer } from 'node:http';
import { createMetricsRegistry, graphRequestMetrics, queueDepthMetrics } from '@mailroom/observability';
import { Counter, Histogram } from 'prom-client';

/**
 * The worker's Prometheus metrics and its own small HTTP server (`WORKER_METRICS_PORT`):
 * `GET /metrics` — job durations and outcomes per queue and job, Graph requests and 429s, queue
 * depths, the process's CPU, memory and event loop — and `GET /healthz` for liveness probes.
 */
export function workerMetrics(queueCounts: () => Promise<Record<string, Record<string, number>>>) {
  const registry = createMetricsRegistry('worker');
  const duration = new Histogram({
    name: 'mailroom_job_duration_seconds',
    help: 'Time a job took on this worker, by queue, job and outcome (completed, failed, deferred).',
    labelNames: ['queue', 'job', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'mailroom_jobs_failed_total',
    help: 'Job attempts that failed on this worker, by queue and job.',
    labelNames: ['queue', 'job'],
    registers: [registry],
  });
  queueDepthMetrics(registry, queueCounts);

  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      registry.metrics().then(
        (body: string) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(body),
        () => res.writeHead(503).end(),
      );
    } else if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
    } else {
      res.writeHead(404).end();
    }
  });

  return {
    onGraphRequest: graphRequestMetrics(registry),
    /** Call when a job starts; call what it returns with the outcome when it ends. */
    jobStarted(queue: string, job: string) {
      const started = performance.now();
      return (outcome: 'completed' | 'failed' | 'deferred') => {
        duration.observe({ queue, job, outcome }, (performance.now() - started) / 1000);
        if (outcome === 'failed') failures.inc({ queue, job });
      };
    },
    /** Starts the HTTP server; resolves with its port. */
    listen(port: number): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    close(): Promise<void> {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
