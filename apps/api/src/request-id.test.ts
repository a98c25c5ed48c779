import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createErrorFormatter } from './errors.ts';
import { createLogger } from './logger.ts';
import { scopeWebSocketsToRequestIds, requestIdOf, withRequestId } from './request-id.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(
    'info',
    'api',
    new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    }),
  );
  return { logger, lines };
}

describe('request ids', () => {
  it('keeps a sane incoming id and replaces anything else', () => {
    expect(requestIdOf('0b5e4c1e-9a1f-4a35-8d6c-2f0e7b1c9a44')).toBe('0b5e4c1e-9a1f-4a35-8d6c-2f0e7b1c9a44');
    expect(requestIdOf(['from-proxy_1', 'second'])).toBe('from-proxy_1');
    for (const bad of [undefined, '', 'x'.repeat(129), 'two words', 'a\u00e9', '{"level":60}']) {
      expect(requestIdOf(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('puts the request id on the error formatter’s log lines, and only inside the request', async () => {
    const { logger, lines } = capture();
    const formatError = createErrorFormatter(logger);
    const failure = new GraphQLError('boom', { originalError: new Error('disk on fire') });
    const shown = await withRequestId('req-42', async () => {
      await Promise.resolve();
      return formatError(failure.toJSON(), failure);
    });
    formatError(failure.toJSON(), failure);
    expect(shown.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 50, requestId: 'req-42' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('scopes what a websocket connection logs to the id of its upgrade request, and echoes it', async () => {
    const { logger, lines } = capture();
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    scopeWebSocketsToRequestIds(server);
    // As graphql-ws does: its own listener, attached afterwards, handles the messages.
    server.on('connection', (socket) =>
      socket.on('message', async (data: Buffer) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        logger.info({ got: data.toString() }, 'message');
        socket.send('ok');
      }),
    );
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const open = async (headers: Record<string, string>) => {
      const client = new WebSocket(`ws://127.0.0.1:${port}`, { headers });
      const upgraded = new Promise<string | undefined>((resolve) =>
        client.once('upgrade', (response) => resolve(response.headers['x-request-id'] as string | undefined)),
      );
      await new Promise((resolve) => client.once('open', resolve));
      const echoed = await upgraded;
      return { client, echoed };
    };
    const first = await open({ 'x-request-id': 'socket-one' });
    const second = await open({ 'x-request-id': 'bad id' });
    for (const [client, text] of [
      [first.client, 'a'],
      [second.client, 'b'],
      [first.client, 'c'],
    ] as const) {
      client.send(text);
      await new Promise((resolve) => client.once('message', resolve));
    }
    expect(first.echoed).toBe('socket-one');
    expect(second.echoed).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((line) => [line.got, line.requestId])).toEqual([
      ['a', 'socket-one'],
      ['b', second.echoed],
      ['c', 'socket-one'],
    ]);
    first.client.close();
    second.client.close();
    await new Promise((resolve) => server.close(resolve));
  });
});
