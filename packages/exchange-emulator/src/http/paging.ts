import { errors } from './graph-error.ts';
import type { GraphRequest } from './http.types.ts';
import { parseTop } from './odata-query.ts';

/**
 * One page of a plain collection (not delta): `$top` (or `defaultTop`) items from the offset in
 * `$skiptoken`, with an absolute `@odata.nextLink` that repeats the other query options.
 */
export function pageOf<T>(
  req: GraphRequest,
  items: readonly T[],
  render: (item: T) => unknown,
  defaultTop: number,
  maxTop = 1000,
): Record<string, unknown> {
  const top = parseTop(req.query, maxTop) ?? defaultTop;
  const token = req.query.get('$skiptoken');
  let offset = Number(req.query.get('$skip') ?? 0);
  if (token !== null) {
    offset = Number(
      Buffer.from(token, 'base64url')
        .toString('utf8')
        .replace(/^offset:/, ''),
    );
  }
  if (!Number.isInteger(offset) || offset < 0) throw errors.badRequest('Invalid $skiptoken or $skip.');
  const page = items.slice(offset, offset + top).map(render);
  const out: Record<string, unknown> = { value: page };
  if (offset + top < items.length) {
    const next = new URLSearchParams(req.query);
    next.delete('$skip');
    next.set('$skiptoken', Buffer.from(`offset:${offset + top}`).toString('base64url'));
    out['@odata.nextLink'] = `${req.origin}/v1.0${req.path}?${next.toString()}`;
  }
  return out;
}
