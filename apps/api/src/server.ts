import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  createDataSource,
  migrationsAreCurrent,
  runMigrations,
  SecretCipher,
  type ExchangeGatewayFactory,
} from '@mailroom/domain';
import { createExchangeGateways } from '@mailroom/graph-adapter';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { WebSocketServer } from 'ws';
import type { ApiConfig } from './config.ts';
import { createContext, createServices, type ApiContext } from './context.ts';
import { createErrorFormatter } from './errors.ts';
import { containsNul, NUL_MESSAGE } from './text-input.ts';
import { queryLimitRules, validateWithLimits } from './query-limits.ts';
import { createApiPubSub } from './pubsub.ts';
import { requestIdMiddleware, scopeWebSocketsToRequestIds } from './request-id.ts';
import {
  createRedisConnection,
  JobQueues,
  RedisGraphHolds,
  RedisSignInThrottle,
  RedisSyncHealthCounters,
  RedisSyncSignals,
  redisSettingsOf,
} from '@mailroom/queues';
import { mountGraphWebhooks } from './graph-webhooks.ts';
import { mountBullBoard } from './bull-board.ts';
import { apiMetrics } from './metrics.ts';
import { createSchema } from './schema.ts';

export interface ApiServer {
  httpServer: Server;
  dataSource: DataSource;
  /** Resolves with the port it listens on. */
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Builds the API: Express 5 with Apollo Server on /graphql, graphql-ws on the same path,
 * /healthz, /readyz and /metrics (Prometheus). Runs migrations before it reports ready.
 */
export async function createApiServer(
  config: ApiConfig,
  logger: Logger,
  options: { exchange?: ExchangeGatewayFactory } = {},
): Promise<ApiServer> {
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'mailroom-api',
  });
  await dataSource.initialize();
  const applied = await runMigrations(dataSource);
  if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');

  const redisSettings = redisSettingsOf(config);
  const redis = createRedisConnection(redisSettings, { connectionName: 'mailroom-api' });
  const subscriber = createRedisConnection(redisSettings, { connectionName: 'mailroom-api-subscriber' });
  const queueConnection = createRedisConnection(redisSettings, { connectionName: 'mailroom-api-queues' });
  for (const client of [redis, subscriber, queueConnection]) {
    client.on('error', (error) => logger.warn({ err: error.message }, 'redis connection error'));
  }
  const pubSub = createApiPubSub(redis, subscriber);
  const queues = new JobQueues(queueConnection);
  const syncSignals = new RedisSyncSignals(redis, queues);
  const metrics = apiMetrics({ dataSource, queues });
  const signInThrottle = new RedisSignInThrottle(redis);
  // 429s answered to the API's own Graph calls count on the sync-health dashboard too.
  const healthCounts = new RedisSyncHealthCounters(redis, {
    onError: (error) =>
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'sync health counts lost'),
  });
  const services = createServices({
    syncSignals,
    signInThrottle,
    healthCounts,
    dataSource,
    queues,
    pubSub,
    logger,
    cipher: new SecretCipher(config.MAILROOM_SECRET_KEY),
    exchange:
      options.exchange ??
      createExchangeGateways({
        logger,
        sharedHolds: new RedisGraphHolds(redis),
        onRequest: metrics.onGraphRequest,
        onThrottled: (organisationId) => healthCounts.count(organisationId, 'throttled'),
      }),
  });

  const schema = await createSchema(pubSub);
  const app = express();
  app.disable('x-powered-by');
  // Behind a proxy the TCP peer is the proxy: only trusted proxies may say who the client is
  // (per-client sign-in limits, Secure cookies).
  if (config.API_TRUST_PROXY !== undefined) app.set('trust proxy', config.API_TRUST_PROXY);
  // First, so every line logged while handling a request (GraphQL, webhooks, errors) carries its id.
  app.use(requestIdMiddleware);
  const httpServer = createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  scopeWebSocketsToRequestIds(wsServer);
  const formatError = createErrorFormatter(logger);
  const wsCleanup = useServer<Record<string, unknown>>(
    {
      schema,
      validate: validateWithLimits,
      onSubscribe: (_ctx, _id, payload) =>
        containsNul(payload) ? [new GraphQLError(NUL_MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } })] : undefined,
      context: (ctx) =>
        createContext(services, ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization),
      // Errors over the websocket carry the same `extensions.code` and safe messages as over HTTP.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) }
          : result,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
    },
    wsServer,
  );
  const apollo = new ApolloServer<ApiContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: queryLimitRules,
    // main.ts owns signals and shuts down in order (HTTP, queues, Redis, Postgres).
    stopOnTerminationSignals: false,
    // Compact JSON (Apollo pretty-prints by default): a timeline page is smaller and cheaper to write.
    stringifyResult: (value) => JSON.stringify(value),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No cache hints are used: skip the per-field cache-control bookkeeping.
      ApolloServerPluginCacheControlDisabled(),
      // One line per operation: its name, the caller and the time taken — never the variables,
      // which may hold passwords and client secrets.
      {
        async requestDidStart({ request, contextValue }) {
          const started = performance.now();
          return {
            async willSendResponse({ errors }) {
              logger.debug(
                {
                  operation: request.operationName ?? null,
                  user: contextValue.principal?.userId ?? null,
                  ms: Math.round(performance.now() - started),
                  errors: errors?.length ?? 0,
                },
                'graphql operation',
              );
            },
          };
        },
      },
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(metrics.middleware);
  app.get('/metrics', metrics.handler);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.allSettled([
      dataSource.query('SELECT 1'),
      redis.ping(),
      migrationsAreCurrent(dataSource).then((current) => {
        if (!current) throw new Error('migrations pending');
      }),
    ]);
    const [postgres, redisCheck, migrations] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : 'failing'));
    const ready = checks.every((c) => c.status === 'fulfilled');
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', postgres, redis: redisCheck, migrations });
  });
  mountGraphWebhooks(app, { dataSource, signals: syncSignals, logger });
  mountBullBoard(app, { services, queues, redis, logger });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    (req: Request, res: Response, next: NextFunction) => {
      if (!containsNul(req.body)) return next();
      res.status(400).json({ errors: [{ message: NUL_MESSAGE, extensions: { code: 'BAD_USER_INPUT' } }] });
    },
    expressMiddleware(apollo, {
      context: ({ req }) => createContext(services, req.headers.authorization, req.ip ?? null),
    }),
  );

  // A body Express could not read (over 1 MB, malformed JSON): a short JSON answer, never a page
  // with a stack trace.
  app.use((error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'request failed');
    const message =
      status === 413
        ? 'The request is too large (at most 1 MB).'
        : status === 400
          ? 'The request body is not valid JSON.'
          : status === 500
            ? 'Something went wrong on our side. Try again.'
            : 'The request could not be read.';
    res
      .status(status)
      .json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  return {
    httpServer,
    dataSource,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    async stop() {
      await apollo.stop();
      await queues.close();
      await healthCounts.close();
      await Promise.all([redis.quit(), subscriber.quit(), queueConnection.quit()].map((p) => p.catch(() => undefined)));
      await dataSource.destroy();
    },
  };
}
