import { graphFailure, GraphAdapterError } from './graph-errors.ts';

/** The two links a delta page can end with. */
export type DeltaLinkKind = 'next' | 'delta';

/**
 * Checks that a stored delta cursor (an absolute `@odata.nextLink` or `@odata.deltaLink`) belongs
 * to this profile's Graph origin and API version, and says which kind of link it is. A cursor
 * from elsewhere (another endpoint, a restarted emulator on another port) can never be resumed,
 * so it is reported as CURSOR_EXPIRED: the caller then runs a full sync, which is the remedy.
 * Refusing foreign origins also keeps the bearer token from being sent anywhere else.
 */
export function parseDeltaCursor(cursor: string, graphOrigin: string): { url: string; kind: DeltaLinkKind } {
  let url: URL;
  try {
    url = new URL(cursor);
  } catch {
    throw expired('the cursor is not a URL');
  }
  if (url.origin !== graphOrigin) throw expired(`the cursor belongs to ${url.origin}, not ${graphOrigin}`);
  if (!url.pathname.startsWith('/v1.0/')) throw expired('the cursor is not a Graph v1.0 link');
  const kind = deltaLinkKind(url);
  if (kind === undefined) throw expired('the cursor carries neither $deltatoken nor $skiptoken');
  return { url: url.href, kind };
}

/** `delta` for a link with `$deltatoken`, `next` for one with `$skiptoken`. */
export function deltaLinkKind(url: URL): DeltaLinkKind | undefined {
  const keys = [...url.searchParams.keys()].map((key) => key.toLowerCase());
  if (keys.includes('$deltatoken')) return 'delta';
  if (keys.includes('$skiptoken')) return 'next';
  return undefined;
}

function expired(detail: string): GraphAdapterError {
  return new GraphAdapterError(graphFailure('CURSOR_EXPIRED', { status: null, code: null }), { detail });
}
