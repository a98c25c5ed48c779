import type { RouteContext } from '../graph/graph-route.ts';
import { userOf } from '../graph/graph-route.ts';
import { errors } from '../http/graph-error.ts';
import { empty, json, type GraphResponse } from '../http/http.types.ts';
import { isWellFormedId } from '../http/ids.ts';
import { maxPageSize, parseSelect, project } from '../http/odata-query.ts';
import { pageOf } from '../http/paging.ts';
import { renderItem, writableFields, type ItemContainer, type StoredItem } from './item-container.ts';

/** Shared handlers for events, contacts and to-do tasks: list, CRUD and delta over one container. */
export function findContainer<T>(found: T | undefined, id: string): T {
  if (found) return found;
  if (isWellFormedId(id)) throw errors.itemNotFound();
  throw errors.idMalformed();
}

export function findItem(container: ItemContainer, id: string): StoredItem {
  return findContainer(container.get(id), id);
}

function selectFor(ctx: RouteContext, container: ItemContainer): string[] | undefined {
  const known = new Set([
    ...container.type.writable,
    'id',
    'createdDateTime',
    'lastModifiedDateTime',
    'changeKey',
    ...Object.keys(container.type.defaults({})),
    ...Object.keys(container.type.derive?.({}) ?? {}),
  ]);
  return parseSelect(ctx.req.query.get('$select'), known, container.type.name);
}

export function render(ctx: RouteContext, container: ItemContainer, item: StoredItem): Record<string, unknown> {
  return project(renderItem(item, container.type), selectFor(ctx, container));
}

export function listItems(
  ctx: RouteContext,
  container: ItemContainer,
  filter?: (item: StoredItem) => boolean,
): GraphResponse {
  const select = selectFor(ctx, container);
  const items = [...container.log.values()].filter((item) => !filter || filter(item));
  return json(pageOf(ctx.req, items, (item) => project(renderItem(item, container.type), select), 10));
}

export function createItem(
  ctx: RouteContext,
  container: ItemContainer,
  validate?: (fields: Record<string, unknown>) => void,
): GraphResponse {
  const fields = writableFields(container.type, ctx.req.body);
  validate?.(fields);
  return json(renderItem(container.create(fields), container.type), 201);
}

export function updateItem(
  ctx: RouteContext,
  container: ItemContainer,
  item: StoredItem,
  validate?: (fields: Record<string, unknown>) => void,
): GraphResponse {
  const fields = writableFields(container.type, ctx.req.body);
  validate?.({ ...item.fields, ...fields });
  return json(renderItem(container.update(item, fields), container.type));
}

export function deleteItem(container: ItemContainer, item: StoredItem): GraphResponse {
  container.delete(item);
  return empty(204);
}

export function itemDelta<O extends { select: string[] | undefined }>(
  ctx: RouteContext,
  container: ItemContainer,
  input: { parseOptions: () => O; matches?: (item: StoredItem, options: O) => boolean; odataType: string },
): GraphResponse {
  const user = userOf(ctx);
  const size = maxPageSize(ctx.prefs);
  if (size !== undefined) ctx.applied.push(`odata.maxpagesize=${size}`);
  const page = ctx.state.delta.page({
    collectionKey: `${user.id}/${container.type.name}/${container.id}`,
    log: container.log,
    userId: user.id,
    path: ctx.req.path,
    query: ctx.req.query,
    origin: ctx.req.origin,
    pageSize: size ?? 10,
    parseOptions: () => ({ ...input.parseOptions(), select: selectFor(ctx, container) }),
    matches: (item, options) => input.matches?.(item, options) ?? true,
    leavingSet: 'removed',
    changeType: () => undefined,
    render: (item, options) => ({
      '@odata.type': `#microsoft.graph.${input.odataType}`,
      ...project(renderItem(item, container.type), options.select),
    }),
    renderRemoved: (entry) => ({
      '@odata.type': `#microsoft.graph.${input.odataType}`,
      id: entry.removedId,
      '@removed': { reason: 'deleted' },
    }),
    forcedReset: (state) => ctx.emulator.faults.hit('expireDeltaTokens', state.userId, state.createdAtMs) !== undefined,
  });
  return json({
    '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#Collection(${input.odataType})`,
    value: page.value,
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : { '@odata.deltaLink': page.deltaLink }),
  });
}
