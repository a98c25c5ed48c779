import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { controlRoutes } from './control/control.routes.ts';
import { Emulator } from './emulator.context.ts';
import { resolveLimits, type EmulatorOptions } from './emulator.options.ts';
import { runBatch } from './graph/batch.service.ts';
import { GraphPipeline } from './graph/graph.pipeline.ts';
import { GRAPH_ROUTES } from './graph/graph.routes.ts';
import { errors, GraphError } from './http/graph-error.ts';
import { GRAPH_CONTENT_TYPE, type GraphRequest } from './http/http.types.ts';
import { jwks, openIdConfiguration, token } from './identity/identity.routes.ts';
import { TokenService } from './identity/token.service.ts';
import { buildScenario } from './scenarios/scenario.factory.ts';
import { ensureTlsMaterial } from './tls/certificate.service.ts';

export interface RunningEmulator {
  /** `https://localhost:PORT`, the origin only. */
  url: string;
  port: number;
  caCertPath: string;
  caPem: string;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const HOST_HEADER = /^(localhost|127\.0\.0\.1|\[::1\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJsonBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType && !/json/i.test(contentType) && !/^\s*[{[]/.test(text)) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw errors.badRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
}

function graphErrorBody(error: GraphError, requestId: string, clientRequestId: string): unknown {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

/** Starts the emulator: HTTPS with a local CA, the demo (or empty) tenant, Graph, login and control API. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const limits = resolveLimits(options);
  await mkdir(options.dataDir, { recursive: true });
  const [tls, tokens] = await Promise.all([
    ensureTlsMaterial(options.dataDir, options.hostnames ?? []),
    TokenService.load(options.dataDir),
  ]);
  const deltaTtlMs = () => limits.deltaTokenTtlSeconds * 1000;
  const emulator = new Emulator(buildScenario({ scenario: options.scenario ?? 'demo' }, deltaTtlMs), limits, tokens);
  const pipeline = new GraphPipeline(emulator, GRAPH_ROUTES);
  let fallbackOrigin = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const header = req.headers['client-request-id'];
    const clientRequestId = (Array.isArray(header) ? header[0] : header) ?? requestId;
    const url = new URL(req.url ?? '/', 'https://emulator.invalid');
    const host = req.headers.host;
    const origin = host && HOST_HEADER.test(host) ? `https://${host}` : fallbackOrigin;
    res.setHeader('request-id', requestId);
    res.setHeader('client-request-id', clientRequestId);
    const send = (status: number, body: unknown, headers: Record<string, string>, contentType: string) => {
      res.statusCode = status;
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      // No Content-Type without a body: the Graph SDK would try to parse an empty 202 as JSON.
      if (body === undefined) {
        res.setHeader('Content-Length', '0');
        res.end();
        return;
      }
      res.setHeader('Content-Type', contentType);
      res.end(JSON.stringify(body));
    };
    const sendGraph = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.setHeader('OData-Version', '4.0');
      res.setHeader('Cache-Control', 'no-cache');
      send(status, body, headers, GRAPH_CONTENT_TYPE);
    };
    const segments = url.pathname.split('/').filter(Boolean);
    try {
      if (segments[0] === '_emulator') {
        const raw = await readBody(req);
        const result = await controlRoutes(emulator, req.method ?? 'GET', segments.slice(1), raw, { origin, limits });
        send(result.status, result.body, {}, 'application/json; charset=utf-8');
        return;
      }
      if (segments[0] !== 'v1.0') {
        const raw = await readBody(req);
        const tenant = segments[0] ?? '';
        const rest = segments.slice(1).join('/');
        let result;
        if (req.method === 'GET' && rest === 'v2.0/.well-known/openid-configuration')
          result = openIdConfiguration(emulator, tenant, origin);
        else if (req.method === 'GET' && rest === 'discovery/v2.0/keys') result = await jwks(emulator, tenant);
        else if (req.method === 'POST' && rest === 'oauth2/v2.0/token')
          result = await token(emulator, tenant, new URLSearchParams(raw.toString('utf8')), req.headers, requestId);
        else
          result = { status: 404, body: { error: 'not_found', error_description: `No endpoint at ${url.pathname}.` } };
        send(
          result.status,
          result.body,
          { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' },
          'application/json; charset=utf-8',
        );
        return;
      }
      const raw = await readBody(req);
      const graphRequest: GraphRequest = {
        method: req.method ?? 'GET',
        path: `/${segments.slice(1).join('/')}`,
        query: url.searchParams,
        headers: req.headers,
        body: undefined,
        origin,
        requestId,
      };
      const principal = await pipeline.authenticate(req.headers.authorization);
      graphRequest.body = parseJsonBody(raw, req.headers['content-type']);
      if (graphRequest.path.toLowerCase() === '/$batch' && graphRequest.method === 'POST') {
        const result = await runBatch(pipeline, graphRequest, principal);
        sendGraph(result.status, result.body, result.headers);
        return;
      }
      const outcome = await pipeline.execute(graphRequest, principal);
      // Free the slot before answering: once the client has the response it may send the next
      // request, which must find the slot free (a 'close' event can arrive after that request).
      outcome.release();
      sendGraph(outcome.response.status, outcome.response.body, outcome.response.headers);
    } catch (error) {
      if (res.headersSent) return;
      const graphError =
        error instanceof GraphError
          ? error
          : error instanceof BodyTooLarge
            ? new GraphError(413, 'RequestEntityTooLarge', 'The request body is too large.')
            : new GraphError(500, 'generalException', 'An unexpected error occurred on the server.');
      if (!(error instanceof GraphError) && !(error instanceof BodyTooLarge))
        console.error('[exchange-emulator]', error);
      if (segments[0] === '_emulator' && !(error instanceof GraphError)) {
        send(graphError.status, { error: graphError.message }, {}, 'application/json; charset=utf-8');
        return;
      }
      sendGraph(graphError.status, graphErrorBody(graphError, requestId, clientRequestId), graphError.headers);
    }
  };

  const server: Server = createServer(
    { cert: tls.cert, key: tls.key, keepAlive: true },
    (req, res) => void handle(req, res),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  fallbackOrigin = `https://localhost:${port}`;
  return {
    url: fallbackOrigin,
    port,
    caCertPath: tls.caCertPath,
    caPem: tls.caPem,
    stop: async () => {
      emulator.notifications.stop();
      emulator.loopLag.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
