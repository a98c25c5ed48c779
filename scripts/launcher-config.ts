import { resolve } from 'node:path';
import { ConfigError, parseConfig } from '@mailroom/domain';
import { z } from 'zod';

/**
 * The launcher's configuration (`npm start`, `npm run migrate`, `npm run emulator`): validated
 * once, with one line naming any bad variable. The API and worker validate their own.
 */
const portError = { error: 'must be a port number from 1 to 65535' };
const port = z.coerce.number(portError).int(portError).min(1, portError).max(65535, portError);
const schema = z.object({
  API_PORT: port.default(4000),
  WEB_PORT: port.default(5173),
  EMULATOR_PORT: port.default(4100),
  /** Interface `npm run emulator` listens on (0.0.0.0 in a container). */
  EMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  /** Comma-separated extra names its certificate covers, e.g. `emulator` for docker compose. */
  EMULATOR_HOSTNAMES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  /** External PostgreSQL; when unset an embedded one runs with its data in $MAILROOM_DATA_DIR/postgres. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** External Redis; when unset a redis-server from PATH runs with its data in $MAILROOM_DATA_DIR/redis. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  EMBEDDED_REDIS_PORT: port.default(6389),
  MAILROOM_DATA_DIR: z.string().min(1).default('.data'),
  /** The password of every demo user. */
  MAILROOM_DEMO_PASSWORD: z.string().min(8).default('mailroom-demo'),
  /** Microsoft Graph origin; when unset, `npm start` runs the Exchange emulator and points the demo at it. */
  GRAPH_BASE_URL: z.url({ protocol: /^https$/ }).optional(),
  /** Token authority origin (Microsoft Entra ID); defaults to GRAPH_BASE_URL's emulator or Microsoft's. */
  GRAPH_AUTHORITY_URL: z.url({ protocol: /^https$/ }).optional(),
  /** 32 random bytes, base64, encrypting tenant secrets; `npm start` keeps one in $MAILROOM_DATA_DIR/secret-key. */
  MAILROOM_SECRET_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, { error: 'must be 32 random bytes in base64' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type LauncherConfig = z.infer<typeof schema> & { dataDir: string };

export { ConfigError };

export function loadLauncherConfig(env: NodeJS.ProcessEnv = process.env): LauncherConfig {
  const config = parseConfig(schema, env);
  return { ...config, dataDir: resolve(config.MAILROOM_DATA_DIR) };
}
