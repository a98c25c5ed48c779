import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { databaseOf, type RedisSettings } from './redis-settings.ts';

/** Every Redis connection of the API and worker: one node, a Sentinel-managed master, or a Cluster. */
export type RedisConnection = Redis | Cluster;

/** Credentials and TLS of REDIS_URL, for connections whose hosts come from elsewhere. */
function urlOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * A new Redis connection as the settings say. BullMQ needs `maxRetriesPerRequest: null` (its
 * blocking commands wait indefinitely), and it is what every other user of Redis here wants too:
 * commands wait for a reconnect or failover instead of failing after a few retries. Every key
 * Mailroom uses carries the `{mailroom}` hash tag, so scripts and pipelines stay on one Cluster slot.
 */
export function createRedisConnection(
  settings: RedisSettings,
  options: { connectionName?: string } = {},
): RedisConnection {
  const common: RedisOptions = {
    maxRetriesPerRequest: null,
    ...(options.connectionName ? { connectionName: options.connectionName } : {}),
  };
  if (settings.clusterNodes) {
    return new Cluster(settings.clusterNodes, { redisOptions: { ...common, ...urlOptions(settings.url) } });
  }
  if (settings.sentinel) {
    const fromUrl = urlOptions(settings.url);
    return new Redis({
      ...common,
      ...fromUrl,
      db: databaseOf(settings.url),
      sentinels: settings.sentinel.nodes,
      name: settings.sentinel.masterName,
      ...(settings.sentinel.password === undefined ? {} : { sentinelPassword: settings.sentinel.password }),
      // rediss:// encrypts the master's connections; the Sentinels are asked over plain TCP.
      ...(fromUrl.tls ? { enableTLSForSentinelMode: true } : {}),
      // After a failover, reconnect to the new master at once (Sentinel's +switch-master) rather
      // than when the demoted one first refuses a write.
      failoverDetector: true,
      // A Redis error reply starts with its code: READONLY is a demoted master.
      reconnectOnError: (error) => error.message.split(' ')[0] === 'READONLY',
    });
  }
  return new Redis(settings.url, common);
}
