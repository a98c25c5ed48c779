import { z } from 'zod';

// Only zod here: the apps' config modules import this before tracing starts, so it must not load
// ioredis (an instrumented module).

export interface RedisHost {
  host: string;
  port: number;
}

/** Where Redis is, as the configuration says (see `redisEnvShape`). */
export interface RedisSettings {
  /** redis[s]://[[user]:password@]host:port[/db]; with Sentinel or Cluster only its credentials, db and TLS apply. */
  url: string;
  sentinel?: { nodes: RedisHost[]; masterName: string; password?: string };
  clusterNodes?: RedisHost[];
}

const HOST_PORT = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/;

const hostList = z.string().transform((value, ctx) => {
  const hosts: RedisHost[] = [];
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = HOST_PORT.exec(entry);
    const port = Number(match?.[3]);
    if (!match || port < 1 || port > 65535) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not host:port (e.g. redis-1:26379,redis-2:26379)` });
      return z.NEVER;
    }
    hosts.push({ host: match[1] ?? match[2]!, port });
  }
  if (hosts.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'must list at least one host:port' });
    return z.NEVER;
  }
  return hosts;
});

/**
 * The Redis variables both apps read, validated alike. Spread into an app's config object and
 * pass the result through `refineRedisEnv`.
 */
export const redisEnvShape = {
  /** redis[s]://[[user]:password@]host:port[/db]: the single Redis by default; supplies credentials, db and TLS to Sentinel and Cluster. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  /** Comma-separated Sentinels (host:port,…): Redis is the master they name REDIS_SENTINEL_NAME. */
  REDIS_SENTINELS: hostList.optional(),
  /** The master's name in the Sentinels' configuration (`sentinel monitor <name> …`). */
  REDIS_SENTINEL_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'must be a Sentinel master name (letters, digits, . _ -)' })
    .optional(),
  /** Password of the Sentinels themselves (`requirepass` in sentinel.conf), if they have one. */
  REDIS_SENTINEL_PASSWORD: z.string().optional(),
  /** Comma-separated Cluster nodes (host:port,…; a few are enough, the rest are discovered). */
  REDIS_CLUSTER_NODES: hostList.optional(),
};

type RedisEnv = {
  REDIS_URL: string;
  REDIS_SENTINELS?: RedisHost[] | undefined;
  REDIS_SENTINEL_NAME?: string | undefined;
  REDIS_SENTINEL_PASSWORD?: string | undefined;
  REDIS_CLUSTER_NODES?: RedisHost[] | undefined;
};

/** Conflicting or incomplete Redis settings, each reported on the variable to change. */
export function refineRedisEnv(env: RedisEnv, ctx: z.RefinementCtx): void {
  const issue = (variable: keyof RedisEnv, message: string) =>
    ctx.addIssue({ code: 'custom', path: [variable], message });
  if (env.REDIS_SENTINELS && env.REDIS_CLUSTER_NODES) {
    issue('REDIS_CLUSTER_NODES', 'cannot be set together with REDIS_SENTINELS: choose Sentinel or Cluster');
  }
  if (env.REDIS_SENTINELS && !env.REDIS_SENTINEL_NAME) {
    issue('REDIS_SENTINEL_NAME', 'must name the master when REDIS_SENTINELS is set');
  }
  if (!env.REDIS_SENTINELS && env.REDIS_SENTINEL_NAME) {
    issue('REDIS_SENTINELS', 'must list the Sentinels when REDIS_SENTINEL_NAME is set');
  }
  // Reported on REDIS_SENTINELS so the error line never repeats the password.
  if (!env.REDIS_SENTINELS && env.REDIS_SENTINEL_PASSWORD !== undefined) {
    issue('REDIS_SENTINELS', 'must list the Sentinels when REDIS_SENTINEL_PASSWORD is set');
  }
  if (!Number.isInteger(databaseOf(env.REDIS_URL))) {
    issue('REDIS_URL', 'must end in a database number, if anything (redis://host:6379/0)');
  } else if (env.REDIS_CLUSTER_NODES && databaseOf(env.REDIS_URL) !== 0) {
    issue('REDIS_URL', 'must use database 0 with REDIS_CLUSTER_NODES (a Redis Cluster has no other)');
  }
}

/** The settings the factory needs, from a parsed config. */
export function redisSettingsOf(env: RedisEnv): RedisSettings {
  return {
    url: env.REDIS_URL,
    ...(env.REDIS_SENTINELS && env.REDIS_SENTINEL_NAME
      ? {
          sentinel: {
            nodes: env.REDIS_SENTINELS,
            masterName: env.REDIS_SENTINEL_NAME,
            ...(env.REDIS_SENTINEL_PASSWORD === undefined ? {} : { password: env.REDIS_SENTINEL_PASSWORD }),
          },
        }
      : {}),
    ...(env.REDIS_CLUSTER_NODES ? { clusterNodes: env.REDIS_CLUSTER_NODES } : {}),
  };
}

/** The database number of a redis:// URL (0 when it names none; NaN when its path is not a number). */
export function databaseOf(url: string): number {
  const path = new URL(url).pathname.replace(/^\//, '');
  return path === '' ? 0 : /^\d+$/.test(path) ? Number(path) : Number.NaN;
}
