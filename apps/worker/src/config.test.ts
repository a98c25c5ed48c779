import { redisSettingsOf } from '@mailroom/queues';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const base = {
  DATABASE_URL: 'postgres://mailroom:pw@db:5432/mailroom',
  REDIS_URL: 'redis://redis:6379',
  MAILROOM_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('worker configuration', () => {
  it('takes the same Redis settings as the API', () => {
    const config = loadConfig({ ...base, REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'mailroom' });
    expect(redisSettingsOf(config).sentinel).toEqual({
      nodes: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
      ],
      masterName: 'mailroom',
    });
    expect(() => loadConfig({ ...base, REDIS_SENTINELS: 's1:26379', REDIS_CLUSTER_NODES: 'c:7000' })).toThrow(
      'REDIS_CLUSTER_NODES="c:7000" is invalid: cannot be set together with REDIS_SENTINELS',
    );
  });

  it('names its spans mailroom-worker unless told otherwise', () => {
    expect(loadConfig(base).OTEL_SERVICE_NAME).toBe('mailroom-worker');
    expect(loadConfig({ ...base, OTEL_SERVICE_NAME: 'worker-eu' }).OTEL_SERVICE_NAME).toBe('worker-eu');
  });
});
