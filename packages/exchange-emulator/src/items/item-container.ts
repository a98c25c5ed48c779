import { ChangeLog, type SequenceClock } from '../delta/change-log.ts';
import { errors } from '../http/graph-error.ts';
import type { IdFactory, IdKind } from '../http/ids.ts';
import type { ChangeEvent, ChangeListener } from '../notifications/change-event.ts';

/** An event, contact or to-do task: Graph properties plus the bookkeeping every Outlook item has. */
export interface StoredItem {
  id: string;
  containerId: string;
  version: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  fields: Record<string, unknown>;
}

/** The rules of one item type: its Graph name, defaults, and which properties a client may write. */
export interface ItemType {
  name: 'event' | 'contact' | 'todoTask' | 'todoTaskList';
  idKind: IdKind;
  resource: ChangeEvent['resource'] | undefined;
  writable: ReadonlySet<string>;
  defaults: (fields: Record<string, unknown>) => Record<string, unknown>;
  /** Properties derived from the others after every write (bodyPreview, isOrganizer, ...). */
  derive?: (fields: Record<string, unknown>) => Record<string, unknown>;
}

export function itemChangeKey(item: StoredItem): string {
  return `DwAAABYAAA${Buffer.from(`${item.id.slice(-12)}${item.version}`).toString('base64url')}`;
}

export function renderItem(item: StoredItem, type: ItemType): Record<string, unknown> {
  return {
    '@odata.etag': `W/"${itemChangeKey(item)}"`,
    id: item.id,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    ...(type.name === 'todoTask' || type.name === 'todoTaskList' ? {} : { changeKey: itemChangeKey(item) }),
    ...(type.name === 'contact' ? { parentFolderId: item.containerId } : {}),
    ...item.fields,
  };
}

/** Checks a POST/PATCH body against the type's writable properties (400 on anything else). */
export function writableFields(type: ItemType, body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw errors.badRequest('The request body must be a JSON object.');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.')) continue;
    if (!type.writable.has(key))
      throw errors.badRequest(
        `Property '${key}' does not exist on type 'microsoft.graph.${type.name}' or is read-only.`,
      );
    out[key] = value;
  }
  return out;
}

/** A folder, calendar or list of items with its own change log. */
export class ItemContainer {
  readonly log: ChangeLog<StoredItem>;

  constructor(
    readonly id: string,
    public displayName: string,
    readonly type: ItemType,
    private readonly owner: { userId: string; ids: IdFactory; emit: ChangeListener; index: Map<string, ItemContainer> },
    clock: SequenceClock,
  ) {
    this.log = new ChangeLog(clock);
  }

  get(id: string): StoredItem | undefined {
    return this.log.get(id);
  }

  create(fields: Record<string, unknown>, at = new Date().toISOString()): StoredItem {
    const base = this.type.defaults(fields);
    const item: StoredItem = {
      id: this.owner.ids.next(this.type.idKind),
      containerId: this.id,
      version: 1,
      createdDateTime: at,
      lastModifiedDateTime: at,
      fields: { ...base, ...this.type.derive?.(base) },
    };
    this.log.put(item.id, item);
    this.owner.index.set(item.id, this);
    this.emit(item, 'created');
    return item;
  }

  update(item: StoredItem, fields: Record<string, unknown>): StoredItem {
    const merged = { ...item.fields, ...fields };
    item.fields = { ...merged, ...this.type.derive?.(merged) };
    item.version++;
    item.lastModifiedDateTime = new Date().toISOString();
    this.log.put(item.id, item);
    this.emit(item, 'updated');
    return item;
  }

  delete(item: StoredItem): void {
    this.log.remove(item.id, item.id, item.id);
    this.owner.index.delete(item.id);
    this.emit(item, 'deleted');
  }

  private emit(item: StoredItem, changeType: ChangeEvent['changeType']): void {
    if (!this.type.resource) return;
    this.owner.emit({
      userId: this.owner.userId,
      resource: this.type.resource,
      changeType,
      id: item.id,
      immutableId: item.id,
      containerId: this.id,
      changeKey: itemChangeKey(item),
    });
  }
}
