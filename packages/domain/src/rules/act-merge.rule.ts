import type { SyncSide } from '../enums.ts';

/**
 * Two-way sync of appointments, contacts and tasks: a three-way merge, field by field, of the
 * CRM item and its Exchange item against `base`, the values both sides held after the last sync.
 *
 * - A field only one side changed takes that side's value (and is written to the other side).
 * - A field both sides changed to the same value needs nothing.
 * - A field both sides changed to different values is a conflict: the side written last wins
 *   (the CRM row's `updatedAt` against Exchange's `lastModifiedDateTime`), and the CRM wins a tie.
 *   Each conflict is reported with the side whose value was kept, for the item's record.
 *
 * The outcome depends only on the inputs, so running the same sync again decides the same way,
 * and the merged values become the next base: nothing is written back to the side it came from.
 */
export interface MergeInput<F> {
  base: Partial<F>;
  crm: F;
  exchange: F;
  crmModifiedAt: Date;
  exchangeModifiedAt: Date;
}

export interface MergeResult<F> {
  merged: F;
  /** Fields to write to the CRM item (the ones whose merged value differs from it). */
  toCrm: Partial<F>;
  /** Fields to write to the Exchange item. */
  toExchange: Partial<F>;
  conflicts: { field: string; kept: SyncSide }[];
}

/** Values compare by content (dates as ISO strings, lists in order). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function mergeFields<F extends object>(
  fields: readonly (keyof F & string)[],
  input: MergeInput<F>,
): MergeResult<F> {
  const merged = { ...input.crm };
  const toCrm: Partial<F> = {};
  const toExchange: Partial<F> = {};
  const conflicts: { field: string; kept: SyncSide }[] = [];
  const exchangeLater = input.exchangeModifiedAt.getTime() > input.crmModifiedAt.getTime();
  for (const field of fields) {
    const crm = input.crm[field];
    const exchange = input.exchange[field];
    if (sameValue(crm, exchange)) continue;
    const crmChanged = !sameValue(crm, input.base[field]);
    const exchangeChanged = !sameValue(exchange, input.base[field]);
    let kept: SyncSide;
    if (crmChanged && exchangeChanged) {
      kept = exchangeLater ? 'EXCHANGE' : 'CRM';
      conflicts.push({ field, kept });
    } else {
      // Neither changed yet they differ (a base from before a field was synced): the CRM wins, as on a tie.
      kept = exchangeChanged ? 'EXCHANGE' : 'CRM';
    }
    if (kept === 'EXCHANGE') {
      merged[field] = exchange;
      toCrm[field] = exchange;
    } else {
      toExchange[field] = crm;
    }
  }
  return { merged, toCrm, toExchange, conflicts };
}

/** True when a partial update carries no field. */
export const isEmptyChange = (change: object): boolean => Object.keys(change).length === 0;
