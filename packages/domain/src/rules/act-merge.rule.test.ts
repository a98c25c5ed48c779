import { describe, expect, it } from 'vitest';
import { mergeFields, type MergeInput } from './act-merge.rule.ts';

interface Fields {
  subject: string;
  dueAt: string | null;
  status: string;
}
const FIELDS = ['subject', 'dueAt', 'status'] as const;
const base: Fields = { subject: 'Call Fabrikam', dueAt: '2026-12-01T09:00:00.000Z', status: 'NOT_STARTED' };
const earlier = new Date('2026-11-27T10:00:00Z');
const later = new Date('2026-11-27T10:05:00Z');

describe('three-way merge of a synced item', () => {
  it('writes nothing when neither side changed', () => {
    const result = mergeFields(FIELDS, {
      base,
      crm: base,
      exchange: base,
      crmModifiedAt: earlier,
      exchangeModifiedAt: later,
    });
    expect(result).toEqual({ merged: base, toCrm: {}, toExchange: {}, conflicts: [] });
  });

  it('takes each side’s own changes and sends them to the other side', () => {
    const result = mergeFields(FIELDS, {
      base,
      crm: { ...base, subject: 'Call Fabrikam about pricing' },
      exchange: { ...base, status: 'COMPLETED' },
      crmModifiedAt: later,
      exchangeModifiedAt: earlier,
    });
    expect(result.merged).toEqual({ ...base, subject: 'Call Fabrikam about pricing', status: 'COMPLETED' });
    expect(result.toCrm).toEqual({ status: 'COMPLETED' });
    expect(result.toExchange).toEqual({ subject: 'Call Fabrikam about pricing' });
    expect(result.conflicts).toEqual([]);
  });

  it('settles a field both sides changed by the later writer, and records it', () => {
    const crm = { ...base, subject: 'CRM title' };
    const exchange = { ...base, subject: 'Exchange title' };
    const exchangeLater = mergeFields(FIELDS, {
      base,
      crm,
      exchange,
      crmModifiedAt: earlier,
      exchangeModifiedAt: later,
    });
    expect(exchangeLater.merged.subject).toBe('Exchange title');
    expect(exchangeLater.toCrm).toEqual({ subject: 'Exchange title' });
    expect(exchangeLater.toExchange).toEqual({});
    expect(exchangeLater.conflicts).toEqual([{ field: 'subject', kept: 'EXCHANGE' }]);

    const crmLater = mergeFields(FIELDS, { base, crm, exchange, crmModifiedAt: later, exchangeModifiedAt: earlier });
    expect(crmLater.merged.subject).toBe('CRM title');
    expect(crmLater.toExchange).toEqual({ subject: 'CRM title' });
    expect(crmLater.conflicts).toEqual([{ field: 'subject', kept: 'CRM' }]);
  });

  it('gives a tie to the CRM, the same way every time', () => {
    const input: MergeInput<Fields> = {
      base,
      crm: { ...base, dueAt: '2026-12-02T09:00:00.000Z' },
      exchange: { ...base, dueAt: '2026-12-03T09:00:00.000Z' },
      crmModifiedAt: later,
      exchangeModifiedAt: new Date(later),
    };
    const runs = [mergeFields(FIELDS, input), mergeFields(FIELDS, input)];
    for (const result of runs) {
      expect(result.merged.dueAt).toBe('2026-12-02T09:00:00.000Z');
      expect(result.conflicts).toEqual([{ field: 'dueAt', kept: 'CRM' }]);
    }
  });

  it('sees no conflict when both sides made the same change', () => {
    const both = { ...base, status: 'COMPLETED' };
    const result = mergeFields(FIELDS, {
      base,
      crm: both,
      exchange: both,
      crmModifiedAt: earlier,
      exchangeModifiedAt: later,
    });
    expect(result).toEqual({ merged: both, toCrm: {}, toExchange: {}, conflicts: [] });
  });

  it('merges per field: a conflict on one field does not overrule another side’s change elsewhere', () => {
    const result = mergeFields(FIELDS, {
      base,
      crm: { ...base, subject: 'CRM title', dueAt: null },
      exchange: { ...base, subject: 'Exchange title', status: 'IN_PROGRESS' },
      crmModifiedAt: later,
      exchangeModifiedAt: earlier,
    });
    expect(result.merged).toEqual({ subject: 'CRM title', dueAt: null, status: 'IN_PROGRESS' });
    expect(result.toCrm).toEqual({ status: 'IN_PROGRESS' });
    expect(result.toExchange).toEqual({ subject: 'CRM title', dueAt: null });
  });
});
