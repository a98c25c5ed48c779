import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startApi, type ApiHarness } from './testing/api-harness.ts';

interface LogLine {
  level: number;
  msg: string;
  operation?: string | null;
  requestId?: string;
}

const lines: LogLine[] = [];
let api: ApiHarness;

beforeAll(async () => {
  api = await startApi({
    logTo: new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
        done();
      },
    }),
  });
});
afterAll(() => api.stop());

async function post(operation: string, requestId?: string) {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(requestId === undefined ? {} : { 'x-request-id': requestId }) },
    body: JSON.stringify({ query: `query ${operation} { __typename }`, operationName: operation }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('x-request-id');
}

/** The operation's log line (written when the response is sent, so it may trail the response slightly). */
async function operationLine(operation: string): Promise<LogLine> {
  await expect.poll(() => lines.some((line) => line.operation === operation)).toBe(true);
  return lines.find((line) => line.operation === operation)!;
}

describe('request ids', () => {
  it('echoes a sane incoming X-Request-Id and writes it on the log lines of that request', async () => {
    const echoed = await post('ProbeIncoming', 'edge-7f3a9c.01:retry_2');
    expect(echoed).toBe('edge-7f3a9c.01:retry_2');
    expect((await operationLine('ProbeIncoming')).requestId).toBe('edge-7f3a9c.01:retry_2');
  });

  it('replaces an X-Request-Id that is too long or holds other characters, and makes one when there is none', async () => {
    const tooLong = await post('ProbeTooLong', 'a'.repeat(129));
    const foreign = await post('ProbeForeign', 'id with spaces"}');
    const missing = await post('ProbeMissing');
    for (const generated of [tooLong, foreign, missing]) expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set([tooLong, foreign, missing]).size).toBe(3);
    expect((await operationLine('ProbeTooLong')).requestId).toBe(tooLong);
    expect((await operationLine('ProbeForeign')).requestId).toBe(foreign);
    expect((await operationLine('ProbeMissing')).requestId).toBe(missing);
  });

  it('keeps concurrent requests apart', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `concurrent-${i}`);
    await Promise.all(ids.map((id, i) => post(`ProbeConcurrent${i}`, id)));
    for (const [i, id] of ids.entries()) expect((await operationLine(`ProbeConcurrent${i}`)).requestId).toBe(id);
  });

  it('carries the id through PostgreSQL round trips to the warning a dropped change notification logs', async () => {
    const response = await fetch(`${api.baseUrl}/graph/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'graph-notification-1' },
      body: JSON.stringify({
        value: [
          {
            subscriptionId: randomUUID(),
            clientState: 'not-ours',
            changeType: 'created',
            resource: `Users/${randomUUID()}/Messages/AAMk1`,
          },
        ],
      }),
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-request-id')).toBe('graph-notification-1');
    const dropped = (line: LogLine) => line.msg.startsWith('dropped change notifications');
    await expect.poll(() => lines.filter(dropped).map((line) => line.requestId)).toContain('graph-notification-1');
    expect(lines.find((line) => dropped(line) && line.requestId === 'graph-notification-1')?.level).toBe(40);
  });

  it('gives a graphql-ws connection the id of its upgrade request', async () => {
    const client = new WebSocket(`${api.baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      headers: { 'x-request-id': 'console-tab-7' },
    });
    const echoed = await new Promise<unknown>((resolve, reject) => {
      client.once('upgrade', (response) => resolve(response.headers['x-request-id']));
      client.once('error', reject);
    });
    client.close();
    expect(echoed).toBe('console-tab-7');
  });
});
