import { z } from 'zod';
import {
  classifyGraphResponse,
  graphFailure,
  GraphAdapterError,
  malformedResponse,
  type GraphFailure,
} from './graph-errors.ts';
import { isMailboxPath, type GraphContext } from './graph-transport.ts';
import { parseRetryAfter } from './retry-after.ts';

/** Graph runs at most this many requests per JSON batch; more is a 400 for the whole batch. */
export const BATCH_LIMIT = 20;

/** One request inside a JSON batch. */
export interface BatchStep {
  /** Unique within the call; defaults to the step's position (1-based). */
  id?: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A path below the version, e.g. `/users/a@b/messages/{id}`. */
  url: string;
  body?: unknown;
}

/** One step's outcome, in the order the steps were given. */
export type BatchStepResult =
  | { id: string; ok: true; status: number; body: unknown }
  | { id: string; ok: false; failure: GraphFailure; body: unknown };

const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});

const errorBodySchema = z.object({ error: z.object({ code: z.string().optional() }) });

/**
 * Runs `steps` for one mailbox as JSON batches of at most BATCH_LIMIT requests. Graph answers a
 * batch with 200 even when items fail, and the SDK's retry logic never sees an item's 429, so
 * throttled items (and transient failures of non-POST items) are sent again here after the
 * mailbox's hold, up to the transport's attempt limit; every other failure is classified per item.
 */
export async function batch(
  context: GraphContext,
  mailbox: string,
  steps: readonly BatchStep[],
): Promise<BatchStepResult[]> {
  const identified = steps.map((step, index) => ({ ...step, id: step.id ?? String(index + 1) }));
  if (new Set(identified.map((step) => step.id)).size !== identified.length) {
    throw new GraphAdapterError(graphFailure('INVALID_REQUEST', { status: null, code: null }), {
      detail: 'batch step ids must be unique',
    });
  }
  const results = new Map<string, BatchStepResult>();
  let pending = identified;
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    const again: typeof identified = [];
    for (let start = 0; start < pending.length; start += BATCH_LIMIT) {
      const chunk = pending.slice(start, start + BATCH_LIMIT);
      const raw = await context.transport.execute<unknown>({
        method: 'POST',
        url: '/$batch',
        body: { requests: chunk.map(toBatchRequest) },
        mailbox,
        // Exchange runs a batch's items for one mailbox side by side, so it occupies that many slots.
        weight: chunk.length,
        idempotent: chunk.every((step) => step.method !== 'POST'),
      });
      const parsed = batchResponseSchema.safeParse(raw);
      if (!parsed.success) throw malformedResponse('the $batch response has no responses array');
      const byId = new Map(parsed.data.responses.map((response) => [response.id, response]));
      for (const step of chunk) {
        const response = byId.get(step.id);
        if (response === undefined) throw malformedResponse(`the $batch response lacks step ${step.id}`);
        if (response.status < 400) {
          results.set(step.id, { id: step.id, ok: true, status: response.status, body: response.body });
          continue;
        }
        const failure = classifyItem(step.url, response, context.transport.now());
        if (await context.transport.settleFailure(mailbox, failure, step.method !== 'POST', attempt)) again.push(step);
        else results.set(step.id, { id: step.id, ok: false, failure, body: response.body });
      }
    }
    pending = again;
  }
  return identified.map((step) => results.get(step.id) as BatchStepResult);
}

function toBatchRequest(step: BatchStep & { id: string }) {
  const headers: Record<string, string> = { Prefer: 'IdType="ImmutableId"' };
  if (step.body !== undefined) headers['Content-Type'] = 'application/json';
  return {
    id: step.id,
    method: step.method,
    url: step.url,
    headers,
    ...(step.body === undefined ? {} : { body: step.body }),
  };
}

function classifyItem(
  url: string,
  response: { status: number; headers?: Record<string, string> | undefined; body?: unknown },
  nowMs: number,
): GraphFailure {
  const error = errorBodySchema.safeParse(response.body);
  const retryAfter = Object.entries(response.headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  const retryAfterMs = parseRetryAfter(retryAfter, nowMs);
  return classifyGraphResponse({
    status: response.status,
    code: error.success ? (error.data.error.code ?? null) : null,
    mailboxCall: isMailboxPath(url),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}
