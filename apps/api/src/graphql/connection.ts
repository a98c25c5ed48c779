import type { Page } from '@mailroom/domain';

/** A domain page as a Relay connection (`edges { cursor node }`, `pageInfo`, `totalCount`). */
export function toConnection<T, N = T>(page: Page<T>, node: (item: T) => N = (item) => item as unknown as N) {
  const edges = page.items.map((item) => ({ cursor: page.cursorOf(item), node: node(item) }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}
