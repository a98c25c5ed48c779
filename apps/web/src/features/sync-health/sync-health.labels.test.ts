import { describe, expect, it } from 'vitest';
import { formatLag, totalsOf } from './sync-health.labels';

describe('formatLag', () => {
  it('says how far behind a mailbox is in the largest units that matter', () => {
    expect(formatLag(-3)).toBe('0 s');
    expect(formatLag(45.7)).toBe('45 s');
    expect(formatLag(12 * 60 + 59)).toBe('12 min');
    expect(formatLag(3 * 3600)).toBe('3 h');
    expect(formatLag(3 * 3600 + 5 * 60)).toBe('3 h 5 min');
    expect(formatLag(2 * 86_400)).toBe('2 d');
    expect(formatLag(2 * 86_400 + 4 * 3600 + 59)).toBe('2 d 4 h');
  });
});

describe('totalsOf', () => {
  it('adds every minute of the window', () => {
    expect(
      totalsOf([
        { emailsSynced: 4, failures: 0, throttled: 2 },
        { emailsSynced: 2, failures: 1, throttled: 0 },
      ]),
    ).toEqual({ emailsSynced: 6, failures: 1, throttled: 2 });
    expect(totalsOf([])).toEqual({ emailsSynced: 0, failures: 0, throttled: 0 });
  });
});
