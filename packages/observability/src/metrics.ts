import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

// Prometheus metrics shared by the API and the workers. Every series is prefixed `mailroom_` and
// labelled with the process kind (`service`); label values come from closed sets (queue and job
// names, HTTP routes, status codes), never from user input, so series stay bounded.

/** A registry with the process's default metrics (CPU, memory, event loop lag, GC). */
export function createMetricsRegistry(service: 'api' | 'worker'): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'mailroom_' });
  return registry;
}

/** One HTTP request to Microsoft Graph, as the adapter reports it (`onRequest`). */
export interface GraphRequestEvent {
  /** `2xx`, the error status (e.g. `429`), or `network` when no response arrived. */
  status: string;
  durationMs: number;
}

/** Counts Graph requests by status and times them; a 429 is also counted as throttled. */
export function graphRequestMetrics(registry: Registry): (event: GraphRequestEvent) => void {
  const requests = new Counter({
    name: 'mailroom_graph_requests_total',
    help: 'Requests to Microsoft Graph, by HTTP status ("2xx" for successes, "network" when no response arrived).',
    labelNames: ['status'],
    registers: [registry],
  });
  const throttled = new Counter({
    name: 'mailroom_graph_throttled_total',
    help: 'Requests Microsoft Graph answered 429 (throttled).',
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'mailroom_graph_request_duration_seconds',
    help: 'Time of one request to Microsoft Graph, response included.',
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return ({ status, durationMs }) => {
    requests.inc({ status });
    if (status === '429') throttled.inc();
    duration.observe(durationMs / 1000);
  };
}

/** Jobs per queue and state, read from Redis when Prometheus scrapes. */
export function queueDepthMetrics(
  registry: Registry,
  counts: () => Promise<Record<string, Record<string, number>>>,
): void {
  new Gauge({
    name: 'mailroom_queue_jobs',
    help: 'Jobs in each queue by state (waiting, active, delayed, prioritized, failed).',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, states] of Object.entries(await counts())) {
        for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
      }
    },
  });
}
