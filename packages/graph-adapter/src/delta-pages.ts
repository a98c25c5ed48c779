import { z } from 'zod';
import { parseDeltaCursor } from './delta-cursor.ts';
import { malformedResponse } from './graph-errors.ts';
import type { PermissionNeed } from './graph-permissions.ts';
import type { GraphCall, GraphContext } from './graph-transport.ts';

/**
 * One page of a delta round. Persist the cursor only after the page's changes are stored:
 * `nextCursor` resumes the round where it stopped; `deltaCursor` marks the round complete and
 * is where the next round starts. Exactly one of them is set. Graph may replay a change, so
 * applying a page twice must be harmless.
 */
export interface DeltaPage<T> {
  /** Items created or changed since the cursor (or all items, on a first round). */
  items: T[];
  /** Ids reported `@removed`: deleted, or moved out of the synced folder (or date range). */
  removedIds: string[];
  nextCursor?: string;
  deltaCursor?: string;
}

/** Options every delta query takes. */
export interface DeltaOptions {
  /** Resume from a stored `nextCursor` or `deltaCursor`; omit for a full round. */
  cursor?: string;
  /** Items per page, sent as `Prefer: odata.maxpagesize` (Graph's default is 10). */
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 50;

const deltaResponseSchema = z.object({
  value: z.array(z.looseObject({ id: z.string().optional(), '@removed': z.unknown().optional() })),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

/**
 * Pages through one delta round, starting at `first` (the initial query, whose options Graph
 * then encodes into its links) or at a stored cursor. Stops after the page with the deltaLink.
 * A cursor Graph no longer knows ends the iteration with CURSOR_EXPIRED.
 */
export async function* deltaPages<T>(
  context: GraphContext,
  request: {
    mailbox: string;
    permission: PermissionNeed;
    first: Pick<GraphCall, 'url' | 'query'>;
    options?: DeltaOptions;
  },
): AsyncGenerator<DeltaPage<T>, void, undefined> {
  const pageSize = request.options?.pageSize ?? DEFAULT_PAGE_SIZE;
  let next: Pick<GraphCall, 'url' | 'query'> =
    request.options?.cursor === undefined
      ? request.first
      : { url: parseDeltaCursor(request.options.cursor, context.graphOrigin).url };
  for (;;) {
    const raw = await context.transport.execute<unknown>({
      method: 'GET',
      ...next,
      mailbox: request.mailbox,
      permission: request.permission,
      prefer: [`odata.maxpagesize=${pageSize}`],
    });
    const parsed = deltaResponseSchema.safeParse(raw);
    if (!parsed.success) throw malformedResponse('the delta response has no value array');
    const page: DeltaPage<T> = { items: [], removedIds: [] };
    for (const item of parsed.data.value) {
      if (item['@removed'] !== undefined) {
        if (item.id !== undefined) page.removedIds.push(item.id);
      } else {
        page.items.push(item as T);
      }
    }
    const nextLink = parsed.data['@odata.nextLink'];
    const deltaLink = parsed.data['@odata.deltaLink'];
    if (nextLink !== undefined) {
      page.nextCursor = parseDeltaCursor(nextLink, context.graphOrigin).url;
      yield page;
      next = { url: page.nextCursor };
      continue;
    }
    if (deltaLink === undefined) throw malformedResponse('the delta page carries neither a nextLink nor a deltaLink');
    page.deltaCursor = parseDeltaCursor(deltaLink, context.graphOrigin).url;
    yield page;
    return;
  }
}
