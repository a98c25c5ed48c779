import { redisSettingsOf } from '@mailroom/queues';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const base = {
  DATABASE_URL: 'postgres://mailroom:pw@db:5432/mailroom',
  REDIS_URL: 'redis://:s3cret@redis:6379/2',
  MAILROOM_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('API configuration: Redis', () => {
  it('uses REDIS_URL alone by default', () => {
    expect(redisSettingsOf(loadConfig(base))).toEqual({ url: 'redis://:s3cret@redis:6379/2' });
  });

  it('reads Sentinels, the master name and the Sentinels’ password', () => {
    const config = loadConfig({
      ...base,
      REDIS_SENTINELS: 'sentinel-1:26379, sentinel-2:26380,[fd00::5]:26381',
      REDIS_SENTINEL_NAME: 'mailroom',
      REDIS_SENTINEL_PASSWORD: 'sentinel-pw',
    });
    expect(redisSettingsOf(config)).toEqual({
      url: 'redis://:s3cret@redis:6379/2',
      sentinel: {
        nodes: [
          { host: 'sentinel-1', port: 26379 },
          { host: 'sentinel-2', port: 26380 },
          { host: 'fd00::5', port: 26381 },
        ],
        masterName: 'mailroom',
        password: 'sentinel-pw',
      },
    });
  });

  it('reads Cluster nodes', () => {
    const config = loadConfig({
      ...base,
      REDIS_URL: 'rediss://:pw@ignored:6379',
      REDIS_CLUSTER_NODES: 'a:7000,b:7001',
    });
    expect(redisSettingsOf(config).clusterNodes).toEqual([
      { host: 'a', port: 7000 },
      { host: 'b', port: 7001 },
    ]);
  });

  it.each([
    [{ REDIS_SENTINELS: 'sentinel-1' }, 'REDIS_SENTINELS="sentinel-1" is invalid: "sentinel-1" is not host:port'],
    [{ REDIS_SENTINELS: 'sentinel-1:70000' }, 'REDIS_SENTINELS="sentinel-1:70000" is invalid'],
    [{ REDIS_CLUSTER_NODES: ' , ' }, 'REDIS_CLUSTER_NODES=" , " is invalid: must list at least one host:port'],
    [
      { REDIS_SENTINELS: 's:26379' },
      'REDIS_SENTINEL_NAME is not set: must name the master when REDIS_SENTINELS is set',
    ],
    [{ REDIS_SENTINEL_NAME: 'mailroom' }, 'REDIS_SENTINELS is not set: must list the Sentinels'],
    [
      { REDIS_SENTINELS: 's:26379', REDIS_SENTINEL_NAME: 'mailroom', REDIS_CLUSTER_NODES: 'a:7000' },
      'REDIS_CLUSTER_NODES="a:7000" is invalid: cannot be set together with REDIS_SENTINELS',
    ],
    [{ REDIS_CLUSTER_NODES: 'a:7000' }, 'REDIS_URL="redis://:***@redis:6379/2" is invalid: must use database 0'],
    [
      { REDIS_URL: 'redis://redis:6379/cache' },
      'REDIS_URL="redis://redis:6379/cache" is invalid: must end in a database',
    ],
    [{ REDIS_SENTINELS: 's:26379', REDIS_SENTINEL_NAME: 'my master' }, 'REDIS_SENTINEL_NAME="my master" is invalid'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });

  it('never repeats the Sentinel password in an error', () => {
    expect(() => loadConfig({ ...base, REDIS_SENTINEL_PASSWORD: 'do-not-print' })).toThrow(
      /^Configuration error: REDIS_SENTINELS is not set: must list the Sentinels when REDIS_SENTINEL_PASSWORD is set$/,
    );
  });
});

describe('API configuration: tracing', () => {
  it('is off unless OTEL_EXPORTER_OTLP_ENDPOINT is set, and names the service mailroom-api', () => {
    const unset = loadConfig(base);
    expect(unset.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(unset.OTEL_SERVICE_NAME).toBe('mailroom-api');
    expect(loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    });
    expect(() => loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      'OTEL_EXPORTER_OTLP_ENDPOINT="collector:4318" is invalid',
    );
  });
});

describe('API configuration: trusted proxies', () => {
  it('trusts no proxy by default: the client is the TCP peer', () => {
    expect(loadConfig(base).API_TRUST_PROXY).toBeUndefined();
  });

  it('reads a number of hops, or addresses, subnets and the named ranges', () => {
    expect(loadConfig({ ...base, API_TRUST_PROXY: '2' }).API_TRUST_PROXY).toBe(2);
    expect(loadConfig({ ...base, API_TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8,192.0.2.1' }).API_TRUST_PROXY).toEqual(
      ['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.1'],
    );
  });

  it.each(['true', 'everyone', '10.0.0.0/33', '11', '10.0.0.1/8/2'])('names the variable when %s is given', (value) => {
    expect(() => loadConfig({ ...base, API_TRUST_PROXY: value })).toThrow(/API_TRUST_PROXY/);
  });
});
