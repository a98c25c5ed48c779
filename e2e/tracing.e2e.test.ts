import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { createDataSource } from '@mailroom/domain';
import { newOrganisation, newUser } from '@mailroom/domain/testing';
import { createRedisConnection, JobQueues } from '@mailroom/queues';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../tooling/free-port.ts';
import { spawnTs, spawnWorker, type Spawned } from './processes.ts';
import { startRedisServer } from '../tooling/redis-server.ts';

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
}
interface OtlpRequest {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: OtlpSpan[] }[];
  }[];
}

const SPAN_KIND_SERVER = 2;
const PASSWORD = 'tracing-pw-Zq81';

/** A collector as small as it gets: OTLP/HTTP JSON on /v1/traces, everything kept. */
const bodies: string[] = [];
const spans: (OtlpSpan & { service: string | undefined })[] = [];
let collector: Server;
let collectorUrl: string;
let api: Spawned;
let apiUrl: string;
let email: string;

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value?.stringValue ?? value?.intValue ?? value?.boolValue;
};

beforeAll(async () => {
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString();
      if (req.url === '/v1/traces' && req.headers['content-type']?.startsWith('application/json')) {
        bodies.push(text);
        for (const resourceSpans of (JSON.parse(text) as OtlpRequest).resourceSpans ?? []) {
          const service = resourceSpans.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue;
          for (const scope of resourceSpans.scopeSpans ?? []) {
            for (const span of scope.spans ?? []) spans.push({ ...span, service });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const collectorPort = await freePort();
  await new Promise<void>((resolve) => collector.listen(collectorPort, '127.0.0.1', resolve));
  collectorUrl = `http://127.0.0.1:${collectorPort}`;

  const dataSource = createDataSource({ url: inject('databaseUrl') });
  await dataSource.initialize();
  const user = await newUser(dataSource, await newOrganisation(dataSource), { password: PASSWORD });
  email = user.primaryEmail;
  await dataSource.destroy();

  const port = await freePort();
  apiUrl = `http://127.0.0.1:${port}`;
  api = spawnTs('apps/api/src/main.ts', {
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    MAILROOM_SECRET_KEY: inject('secretKey'),
    API_PORT: String(port),
    API_HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
    OTEL_SERVICE_NAME: 'mailroom-api-tracing-test',
  });
  await api.waitFor('API listening', 60_000);
});

afterAll(async () => {
  await api?.stop();
  await new Promise((resolve) => collector?.close(resolve));
});

async function graphql(query: string, operationName: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, operationName, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

// Current semantic conventions name it db.system.name; older instrumentations db.system.
const dbSystem = (span: OtlpSpan) => attribute(span, 'db.system.name') ?? attribute(span, 'db.system');

/** The spans of the trace whose GraphQL execution span names `operation`. */
async function traceOf(operation: string) {
  await expect
    .poll(() => spans.some((span) => attribute(span, 'graphql.operation.name') === operation), { timeout: 20_000 })
    .toBe(true);
  const traceId = spans.find((span) => attribute(span, 'graphql.operation.name') === operation)!.traceId;
  return spans.filter((span) => span.traceId === traceId);
}

describe('OpenTelemetry traces', () => {
  it('export one trace per GraphQL request: the HTTP server span, the operation, its SQL and Redis commands', async () => {
    const signIn = await graphql(
      'mutation TracedSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
      'TracedSignIn',
      { email, password: PASSWORD },
    );
    const token = signIn.data?.signIn?.token as string;
    expect(token).toMatch(/^mrs_/);
    const me = await graphql('query TracedMe { me { id primaryEmail } }', 'TracedMe', {}, token);
    expect(me.data?.me?.primaryEmail).toBe(email);

    const signInTrace = await traceOf('TracedSignIn');
    // The sign-in throttle lives in Redis (command names only, never keys: they hold the address).
    expect(signInTrace.some((span) => dbSystem(span) === 'redis')).toBe(true);
    expect(signInTrace.some((span) => dbSystem(span) === 'postgresql')).toBe(true);

    await expect
      .poll(async () => {
        const trace = await traceOf('TracedMe');
        return {
          server: trace.some((span) => span.kind === SPAN_KIND_SERVER && /POST/.test(span.name)),
          operation: trace.some((span) => /query TracedMe/.test(span.name)),
          sql: trace.some((span) => dbSystem(span) === 'postgresql'),
        };
      })
      .toEqual({ server: true, operation: true, sql: true });
    expect(spans.every((span) => span.service === 'mailroom-api-tracing-test')).toBe(true);
  });

  it('record no credentials: neither the bearer token, nor the Authorization header, nor the password', async () => {
    const signIn = await graphql(
      'mutation SecretSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
      'SecretSignIn',
      { email, password: PASSWORD },
    );
    const token = signIn.data?.signIn?.token as string;
    await graphql('query SecretMe { me { id } }', 'SecretMe', {}, token);
    await traceOf('SecretMe');
    const everything = bodies.join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(PASSWORD);
    expect(everything.toLowerCase()).not.toContain('authorization');
    expect(everything).not.toContain(email);
  });

  it('flushes what is buffered when the API stops', async () => {
    await graphql('query LastBeforeStop { __typename }', 'LastBeforeStop', {});
    expect(await api.stop()).toBe(0);
    expect(spans.some((span) => attribute(span, 'graphql.operation.name') === 'LastBeforeStop')).toBe(true);
  });
});

describe('OpenTelemetry traces of a worker', () => {
  it('make each job the root of a trace holding its SQL and Redis commands', async () => {
    // A Redis of its own, so no other test's worker takes the job.
    const redis = await startRedisServer({ port: await freePort() });
    const connection = createRedisConnection({ url: redis.url });
    const queues = new JobQueues(connection);
    const worker = spawnWorker({
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: redis.url,
      MAILROOM_SECRET_KEY: inject('secretKey'),
      WORKER_QUEUES: 'sync',
      LOG_LEVEL: 'info',
      OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
      OTEL_SERVICE_NAME: 'mailroom-worker-tracing-test',
    });
    try {
      await worker.waitFor('worker ready', 60_000);
      // A mailbox that does not exist: the run clears its queued marker (Redis) and looks it up (SQL).
      await queues.enqueue('mailbox-sync', { mailboxId: randomUUID(), wakeId: 'tracing' });
      await expect
        .poll(
          () => {
            const job = spans.find(
              (span) => span.service === 'mailroom-worker-tracing-test' && span.name === 'job mailbox-sync',
            );
            return new Set(spans.filter((span) => span.traceId === job?.traceId).map(dbSystem));
          },
          { timeout: 20_000 },
        )
        .toEqual(new Set([undefined, 'redis', 'postgresql']));
    } finally {
      expect(await worker.stop()).toBe(0);
      await queues.close();
      await connection.quit();
      await redis.stop();
    }
  });
});
