import { ConfigError, parseConfig } from '@mailroom/domain';
import { z } from 'zod';

/**
 * The API's configuration, read from the environment once and validated at start-up. No other
 * file of the API reads process.env.
 */
const portError = { error: 'must be a port number from 1 to 65535' };
const schema = z.object({
  /** TCP port for HTTP, GraphQL and graphql-ws. */
  API_PORT: z.coerce.number(portError).int(portError).min(1, portError).max(65535, portError).default(4000),
  /** Interface to listen on. */
  API_HOST: z.string().min(1).default('0.0.0.0'),
  /** postgres://user:password@host:port/database */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  /** redis://[:password@]host:port[/db] */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
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
});

export type ApiConfig = z.infer<typeof schema>;

export { ConfigError };

/** Parses the environment; on a bad value throws one line naming the variable and the problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseConfig(schema, env);
}
