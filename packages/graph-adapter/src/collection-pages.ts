import { z } from 'zod';
import { malformedResponse } from './graph-errors.ts';
import type { GraphCall, GraphContext } from './graph-transport.ts';

const collectionSchema = z.object({
  value: z.array(z.looseObject({})),
  '@odata.nextLink': z.string().optional(),
});

/** Reads every page of a collection (`value` + `@odata.nextLink`) into one array. */
export async function collectPages<T>(
  context: GraphContext,
  first: Pick<GraphCall, 'url' | 'query' | 'mailbox' | 'permission'>,
): Promise<T[]> {
  const items: T[] = [];
  let call: Pick<GraphCall, 'url' | 'query' | 'mailbox' | 'permission'> = first;
  for (;;) {
    const parsed = collectionSchema.safeParse(await context.transport.execute<unknown>({ method: 'GET', ...call }));
    if (!parsed.success) throw malformedResponse(`${first.url} returned no value array`);
    const page = parsed.data;
    items.push(...(page.value as T[]));
    const nextLink = page['@odata.nextLink'];
    if (nextLink === undefined) return items;
    call = { ...first, url: nextPageUrl(nextLink, context.graphOrigin), query: undefined };
  }
}

function nextPageUrl(link: string, graphOrigin: string): string {
  const url = new URL(link);
  // Never follow a link off the profile's Graph origin: the request would carry the token.
  if (url.origin !== graphOrigin) throw malformedResponse(`Graph returned a nextLink to ${url.origin}`);
  return url.href;
}
