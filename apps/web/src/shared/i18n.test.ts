import { describe, expect, it } from 'vitest';
import { defineStrings, i18n } from './i18n.ts';

const bundle = defineStrings(
  'i18n-test',
  { mailboxes_one: '{{count}} mailbox', mailboxes_other: '{{count}} mailboxes' },
  { mailboxes_one: '{{count}} cassetta postale', mailboxes_other: '{{count}} cassette postali' },
);

describe('string bundles', () => {
  it('counts in each language, millions included (Italian calls them "many")', () => {
    const italian = i18n.getFixedT('it', bundle.namespace);
    const english = i18n.getFixedT('en', bundle.namespace);
    expect(italian('mailboxes', { count: 1 })).toBe('1 cassetta postale');
    expect(italian('mailboxes', { count: 3 })).toBe('3 cassette postali');
    expect(italian('mailboxes', { count: 1_000_000 })).toBe('1000000 cassette postali');
    expect(english('mailboxes', { count: 1_000_000 })).toBe('1000000 mailboxes');
  });
});
