import { errors, GraphError } from '../http/graph-error.ts';
import type { GraphRequest, GraphResponse } from '../http/http.types.ts';
import type { GraphPipeline, Principal } from './graph.pipeline.ts';

interface Step {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

const MAX_STEPS = 20;
// Outlook runs at most this many steps of one batch at once.
const PARALLEL_STEPS = 4;

function parseSteps(body: unknown): Step[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) throw errors.badRequest('Invalid batch payload format.');
  if (requests.length > MAX_STEPS) throw errors.badRequest('Number of requests inside batch exceeds the limit.');
  if (requests.length === 0) throw errors.badRequest('Invalid batch payload format: no requests.');
  const ids = new Set<string>();
  const steps = requests.map((raw: unknown): Step => {
    const step = raw as Record<string, unknown>;
    const id = step['id'];
    if (typeof id !== 'string' && typeof id !== 'number')
      throw errors.badRequest('Invalid batch payload format: every request needs an id.');
    const key = String(id);
    if (ids.has(key)) throw errors.badRequest(`Batch request Ids must be unique; '${key}' is repeated.`);
    ids.add(key);
    if (typeof step['method'] !== 'string' || typeof step['url'] !== 'string')
      throw errors.badRequest(`Invalid batch payload format: request '${key}' needs method and url.`);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries((step['headers'] as Record<string, unknown> | undefined) ?? {}))
      headers[name.toLowerCase()] = String(value);
    if (step['body'] !== undefined && !headers['content-type'])
      throw errors.badRequest(`Content-Type header must be specified for request '${key}' because it has a body.`);
    const dependsOn = step['dependsOn'];
    if (
      dependsOn !== undefined &&
      (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string' && typeof d !== 'number'))
    )
      throw errors.badRequest(`Invalid dependsOn in request '${key}'.`);
    return {
      id: key,
      method: step['method'].toUpperCase(),
      url: step['url'],
      headers,
      body: step['body'],
      dependsOn: (dependsOn ?? []).map(String),
    };
  });
  for (const step of steps)
    for (const dependency of step.dependsOn)
      if (!ids.has(dependency) || dependency === step.id)
        throw errors.badRequest(`Request '${step.id}' depends on unknown request '${dependency}'.`);
  return steps;
}

/** A step URL as the SDK (`/v1.0/x`), the docs (`x`) or others (`/x`) write it. */
function stepPath(url: string): { path: string; query: URLSearchParams } {
  const parsed = new URL(url.replace(/^\/?(v1\.0\/)?/, '/'), 'https://batch.invalid');
  return { path: parsed.pathname, query: parsed.searchParams };
}

/** `POST /v1.0/$batch`: up to 20 steps, at most 4 running, dependents of failures answer 424. */
export async function runBatch(
  pipeline: GraphPipeline,
  outer: GraphRequest,
  principal: Principal,
): Promise<GraphResponse> {
  const steps = parseSteps(outer.body);
  const results = new Map<string, GraphResponse>();
  const responses: Record<string, unknown>[] = [];
  const waiting = new Map(steps.map((step) => [step.id, step]));
  const running = new Set<Promise<void>>();

  const runStep = async (step: Step): Promise<GraphResponse> => {
    const failedDependency = step.dependsOn.find((id) => {
      const status = results.get(id)?.status ?? 0;
      return status < 200 || status >= 300;
    });
    if (failedDependency !== undefined) {
      return {
        status: 424,
        headers: {},
        body: {
          error: {
            code: 'FailedDependency',
            message: `The request depends on request '${failedDependency}', which failed.`,
          },
        },
      };
    }
    const { path, query } = stepPath(step.url);
    const request: GraphRequest = {
      ...outer,
      method: step.method,
      path,
      query,
      headers: { ...outer.headers, ...step.headers },
      body: step.body,
    };
    try {
      if (path.toLowerCase() === '/$batch')
        throw errors.badRequest('A batch request cannot contain another batch request.');
      const { response, release } = await pipeline.execute(request, principal);
      release();
      return response;
    } catch (error) {
      const graphError =
        error instanceof GraphError
          ? error
          : new GraphError(500, 'generalException', 'An unexpected error occurred on the server.');
      return {
        status: graphError.status,
        headers: graphError.headers,
        body: {
          error: {
            code: graphError.code,
            message: graphError.message,
            innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': outer.requestId },
          },
        },
      };
    }
  };

  while (waiting.size > 0 || running.size > 0) {
    for (const step of [...waiting.values()]) {
      if (running.size >= PARALLEL_STEPS) break;
      if (!step.dependsOn.every((id) => results.has(id))) continue;
      waiting.delete(step.id);
      const task = runStep(step).then((response) => {
        results.set(step.id, response);
        responses.push({
          id: step.id,
          status: response.status,
          headers: { 'Content-Type': 'application/json', ...response.headers },
          ...(response.body === undefined ? {} : { body: response.body }),
        });
        running.delete(task);
      });
      running.add(task);
    }
    if (running.size === 0 && waiting.size > 0) throw errors.badRequest('Batch dependencies form a cycle.');
    await Promise.race(running);
  }
  return { status: 200, headers: {}, body: { responses } };
}
