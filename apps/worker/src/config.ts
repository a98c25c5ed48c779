import { QUEUES } from '@mailroom/queues/queue-contracts';
import { redisEnvShape, refineRedisEnv } from '@mailroom/queues/redis-settings';
import { ConfigError, parseConfig } from '@mailroom/domain/config';
import { z } from 'zod';

const queueNames = Object.values(QUEUES) as [string, ...string[]];

/** A base64 key of exactly 32 bytes, decoded. */
export const secretKey = z
  .string({ error: 'is not set' })
  .transform((value) => Buffer.from(value, 'base64'))
  .refine((key) => key.length === 32, { error: 'must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)' });

/** The worker's configuration, validated at start-up. No other worker file reads process.env. */
const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  /** REDIS_URL, or Sentinel or Cluster settings (packages/queues/src/redis-connection.ts). */
  ...redisEnvShape,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Jobs processed at once per queue by this process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(10),
  /** Comma-separated queues this process serves (default: all), so operators can dedicate workers. */
  WORKER_QUEUES: z
    .string()
    .default(queueNames.join(','))
    .transform((value) =>
      value
        .split(',')
        .map((q) => q.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(queueNames)).min(1)),
  /** Connections per worker process; each running job holds one for its transaction. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(25),
  /** 32 random bytes, base64: encrypts tenant secrets at rest. Same value for API and workers. */
  MAILROOM_SECRET_KEY: secretKey,
  /**
   * The API's address as Exchange reaches it (e.g. https://mailroom.example.com); change
   * notifications go to its /graph/notifications. Unset: mailboxes are synced by polling only.
   */
  PUBLIC_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Port of the worker's own HTTP server: `GET /metrics` (Prometheus) and `GET /healthz`. 0 picks a free one. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** How often the sweeper looks for mailboxes due for polling and syncs or sends left stalled. */
  SYNC_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(1),
  /** Messages per delta page (Prefer: odata.maxpagesize). */
  SYNC_PAGE_SIZE: z.coerce.number().int().min(10).max(1000).default(200),
  /** A sync that has committed no page for this long is taken as crashed and its mailbox released. */
  SYNC_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  /**
   * How long after a send attempt that left no trace (the worker died mid-send) its Sent Items copy
   * is looked for before the email is sent again. Exchange files the copy within seconds to minutes.
   */
  SEND_SENT_ITEMS_GRACE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /** An email Pending send or Sending for this long without news is queued again by the sweep (a lost job). */
  SEND_STALLED_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  /** The calendar range appointments sync over: this many days back… */
  ACT_CALENDAR_DAYS_BACK: z.coerce.number().int().min(0).max(3650).default(30),
  /** …and this many ahead. */
  ACT_CALENDAR_DAYS_AHEAD: z.coerce.number().int().min(1).max(3650).default(365),
  /** OTLP/HTTP collector base URL (e.g. http://otel-collector:4318): set, the worker sends traces there. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** service.name of the worker's spans. */
  OTEL_SERVICE_NAME: z.string().min(1).max(100).default('mailroom-worker'),
});

export type WorkerConfig = z.infer<typeof schema>;

export { ConfigError };

/** Parses the environment; on a bad value throws one line naming the variable and the problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseConfig(schema.superRefine(refineRedisEnv), env);
}
