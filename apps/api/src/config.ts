import { ConfigError, parseConfig } from '@mailroom/domain/config';
import { redisEnvShape, refineRedisEnv } from '@mailroom/queues/redis-settings';
import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The API's configuration, read from the environment once and validated at start-up. No other
 * file of the API reads process.env.
 */
const portError = { error: 'must be a port number from 1 to 65535' };
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (entry: string) => {
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};
/**
 * Which proxies in front of the API are trusted to say who the client is (X-Forwarded-For,
 * X-Forwarded-Proto): a number of hops, or addresses, subnets and Express's names. Unset, none is:
 * the client is the TCP peer.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (/^\d+$/.test(value) && Number(value) <= 10) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    if (entries.every((entry) => PROXY_NAMES.has(entry) || isProxyAddress(entry))) return entries;
    ctx.addIssue({
      code: 'custom',
      message:
        'must be a number of proxy hops (0-10) or comma-separated addresses, subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal',
    });
    return z.NEVER;
  })
  .optional();
const schema = z.object({
  /** TCP port for HTTP, GraphQL and graphql-ws. */
  API_PORT: z.coerce.number(portError).int(portError).min(1, portError).max(65535, portError).default(4000),
  /** Interface to listen on. */
  API_HOST: z.string().min(1).default('0.0.0.0'),
  API_TRUST_PROXY: trustProxy,
  /** postgres://user:password@host:port/database */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  /** REDIS_URL, or Sentinel or Cluster settings (packages/queues/src/redis-connection.ts). */
  ...redisEnvShape,
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Connections per API process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** 32 random bytes, base64: encrypts tenant secrets at rest. Same value for API and workers. */
  MAILROOM_SECRET_KEY: z
    .string({ error: 'is not set' })
    .transform((value) => Buffer.from(value, 'base64'))
    .refine((key) => key.length === 32, {
      error: 'must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)',
    }),
  /** OTLP/HTTP collector base URL (e.g. http://otel-collector:4318): set, the API sends traces there. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** service.name of the API's spans. */
  OTEL_SERVICE_NAME: z.string().min(1).max(100).default('mailroom-api'),
});

export type ApiConfig = z.infer<typeof schema>;

export { ConfigError };

/** Parses the environment; on a bad value throws one line naming the variable and the problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseConfig(schema.superRefine(refineRedisEnv), env);
}
