import { describe, expect, it } from 'vitest';
import { compareWithTruth, exactlyOnceCounts, exactlyOnceHolds, type GroundTruth } from './bench-exactly-once.ts';

const truth = (): GroundTruth => ({
  messageIds: new Set(['<a@x>', '<b@x>', '<c@x>']),
  copies: new Map([
    [
      'mailbox-1',
      new Map([
        ['m1', '<a@x>'],
        ['m2', '<b@x>'],
      ]),
    ],
    ['mailbox-2', new Map([['m3', '<c@x>']])],
  ]),
});

const held = () => ({
  emails: new Map([
    ['<a@x>', 1],
    ['<b@x>', 1],
    ['<c@x>', 1],
  ]),
  copies: new Map<string, Map<string, string | null>>([
    [
      'mailbox-1',
      new Map([
        ['m1', '<a@x>'],
        ['m2', '<b@x>'],
      ]),
    ],
    ['mailbox-2', new Map([['m3', '<c@x>']])],
  ]),
});

describe('compareWithTruth', () => {
  it('holds when Postgres has every message and copy once', () => {
    const check = compareWithTruth(truth(), held());
    expect(check).toEqual({ expected: 3, duplicated: 0, missing: 0, unexpected: 0, copiesMissing: 0, copiesWrong: 0 });
    expect(exactlyOnceHolds(check)).toBe(true);
  });

  it('counts a duplicated, a missing and an unexpected email', () => {
    const stored = held();
    stored.emails.set('<a@x>', 3);
    stored.emails.delete('<b@x>');
    stored.emails.set('<z@x>', 1);
    const check = compareWithTruth(truth(), stored);
    expect(exactlyOnceCounts(check)).toBe('2/1/1/0/0');
    expect(exactlyOnceHolds(check)).toBe(false);
  });

  it('counts a missing copy, a copy on the wrong email and a mailbox with no copies', () => {
    const stored = held();
    stored.copies.get('mailbox-1')!.delete('m1');
    stored.copies.get('mailbox-1')!.set('m2', '<c@x>');
    stored.copies.delete('mailbox-2');
    const check = compareWithTruth(truth(), stored);
    expect(exactlyOnceCounts(check)).toBe('0/0/0/2/1');
    expect(exactlyOnceHolds(check)).toBe(false);
  });
});
