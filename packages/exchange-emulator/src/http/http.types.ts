import type { IncomingHttpHeaders } from 'node:http';

/** One Graph call, from HTTP or from a `$batch` step. `path` starts after `/v1.0`, without the query. */
export interface GraphRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The https origin used for absolute links (nextLink, deltaLink, Location). */
  origin: string;
  requestId: string;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): GraphResponse {
  return { status, headers, body };
}

export function empty(status: 202 | 204, headers: Record<string, string> = {}): GraphResponse {
  return { status, headers };
}

export const GRAPH_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
