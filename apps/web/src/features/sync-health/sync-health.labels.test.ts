import { describe, expect, it } from 'vitest';
import { i18n, type Translate } from '../../shared/i18n';
import { formatLag, queueLabel, totalsOf } from './sync-health.labels';
import { syncHealthText } from './sync-health.strings';

const textIn = (language: 'en' | 'it') =>
  i18n.getFixedT(language, syncHealthText.namespace) as unknown as Translate<typeof syncHealthText.en>;
const en = textIn('en');
const it_ = textIn('it');

describe('formatLag', () => {
  it('says how far behind a mailbox is in the largest units that matter', () => {
    expect(formatLag(-3, en)).toBe('0 s');
    expect(formatLag(45.7, en)).toBe('45 s');
    expect(formatLag(12 * 60 + 59, en)).toBe('12 min');
    expect(formatLag(3 * 3600, en)).toBe('3 h');
    expect(formatLag(3 * 3600 + 5 * 60, en)).toBe('3 h 5 min');
    expect(formatLag(2 * 86_400, en)).toBe('2 d');
    expect(formatLag(2 * 86_400 + 4 * 3600 + 59, en)).toBe('2 d 4 h');
  });

  it('says days in Italian as giorni', () => {
    expect(formatLag(3 * 3600 + 5 * 60, it_)).toBe('3 h 5 min');
    expect(formatLag(2 * 86_400 + 4 * 3600, it_)).toBe('2 g 4 h');
  });
});

describe('queueLabel', () => {
  it('names the known queues and shows any other as it is called', () => {
    expect(queueLabel('send', en)).toBe('Outgoing email');
    expect(queueLabel('send', it_)).toBe('Posta elettronica in uscita');
    expect(queueLabel('reports', en)).toBe('reports');
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
