import { mostBehindMailboxes, syncLagQuantiles } from '@mailroom/domain';
import { createMetricsRegistry, graphRequestMetrics, queueDepthMetrics } from '@mailroom/observability';
import type { JobQueues } from '@mailroom/queues';
import type { NextFunction, Request, Response } from 'express';
import { Gauge, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';

/** The routes the API serves; anything else is counted as `other` (label values stay bounded). */
const ROUTES = ['/graphql', '/healthz', '/readyz', '/metrics', '/graph/notifications', '/graph/lifecycle'];

/** Mailboxes whose sync lag is reported one by one: the most behind. */
const SLOWEST = 10;

/**
 * The API's Prometheus metrics, on `GET /metrics`: request latency by route and status, Graph
 * requests and 429s made from this process, and — cluster-wide facts read when Prometheus
 * scrapes — queue depths and sync lag (how long since each enabled mailbox last synced: quantiles
 * over all of them, and the ten most behind by id).
 */
export function apiMetrics(deps: { dataSource: DataSource; queues: JobQueues }) {
  const registry = createMetricsRegistry('api');
  const duration = new Histogram({
    name: 'mailroom_http_request_duration_seconds',
    help: 'API request latency, by route, method and status.',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    // Read now: routers mounted on a path rewrite req.url while they handle it.
    const route = ROUTES.includes(req.path) ? req.path : 'other';
    res.once('finish', () => {
      duration.observe(
        { route, method: req.method, status: String(res.statusCode) },
        (performance.now() - started) / 1000,
      );
    });
    next();
  };

  queueDepthMetrics(registry, () => deps.queues.counts());
  new Gauge({
    name: 'mailroom_sync_lag_seconds',
    help: 'Seconds since enabled mailboxes last synced successfully (since enabling, if never): quantiles over all of them.',
    labelNames: ['quantile'],
    registers: [registry],
    async collect() {
      const lag = await syncLagQuantiles(deps.dataSource);
      this.reset();
      if (!lag) return;
      this.set({ quantile: '0.5' }, lag.p50);
      this.set({ quantile: '0.95' }, lag.p95);
      this.set({ quantile: '1' }, lag.max);
    },
  });
  new Gauge({
    name: 'mailroom_mailbox_sync_lag_seconds',
    help: `Seconds since the ${SLOWEST} most-behind enabled mailboxes last synced successfully, by mailbox id.`,
    labelNames: ['mailbox'],
    registers: [registry],
    async collect() {
      const mailboxes = await mostBehindMailboxes(deps.dataSource, null, SLOWEST);
      this.reset();
      for (const mailbox of mailboxes) this.set({ mailbox: mailbox.id }, mailbox.lagSeconds);
    },
  });
  return {
    registry,
    /** Times every request; mount before the routes. */
    middleware,
    /** `GET /metrics`. */
    async handler(_req: Request, res: Response) {
      res.setHeader('Content-Type', registry.contentType);
      res.send(await registry.metrics());
    },
    onGraphRequest: graphRequestMetrics(registry),
  };
}
