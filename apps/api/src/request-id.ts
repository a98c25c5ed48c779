import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { WebSocketServer } from 'ws';

/** The header a request id arrives in (from a proxy or client) and is echoed back in. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

// An incoming id is only kept when it cannot forge log structure or flood a line: a short token of
// URL-safe characters (UUIDs, nginx's $request_id, W3C trace ids all fit).
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const requests = new AsyncLocalStorage<{ requestId: string }>();

/** The incoming id when it is a sane token, otherwise a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** The id of the request being handled, if any: the logger's mixin adds it to every line. */
export function currentRequestId(): string | undefined {
  return requests.getStore()?.requestId;
}

/** Runs `fn` as part of the request `requestId` (everything it logs, synchronously or later, carries the id). */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requests.run({ requestId }, fn);
}

/** Express middleware: gives the request its id, echoes it in the response and scopes the rest of the chain to it. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const requestId = requestIdOf(req.headers['x-request-id']);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  withRequestId(requestId, next);
}

/**
 * Gives each websocket (graphql-ws) connection the id of its upgrade request, echoed in the 101
 * response, and runs everything its socket emits inside that id, so what a subscription logs
 * carries it. Attach before graphql-ws, so that its listeners run inside the id too.
 */
export function scopeWebSocketsToRequestIds(server: WebSocketServer): void {
  const ids = new WeakMap<IncomingMessage, string>();
  const idOf = (request: IncomingMessage) => {
    const id = ids.get(request) ?? requestIdOf(request.headers['x-request-id']);
    ids.set(request, id);
    return id;
  };
  server.on('headers', (headers, request) => headers.push(`${REQUEST_ID_HEADER}: ${idOf(request)}`));
  server.on('connection', (socket, request) => {
    const requestId = idOf(request);
    const emit = socket.emit.bind(socket);
    // ws emits 'message' from the TCP socket's callbacks, outside any request's async context.
    socket.emit = ((event: string | symbol, ...args: unknown[]) =>
      withRequestId(requestId, () => emit(event, ...args))) as typeof socket.emit;
  });
}
