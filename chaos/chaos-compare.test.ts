import { describe, expect, it } from 'vitest';
import { compare } from './chaos-run.ts';

const seeded = {
  organisationId: 'org',
  opportunityIds: new Map<string, string>(),
  mailboxIds: new Map([
    ['a@contoso.example', 'mailbox-a'],
    ['b@contoso.example', 'mailbox-b'],
  ]),
};

/** Exchange: <1> in A's Inbox, <2> in A's Sent Items and B's Inbox (one email, two copies), one send. */
const truth = () => ({
  messageIds: new Set(['<1>', '<2>', '<send-1>']),
  copies: new Map([
    [
      'a@contoso.example',
      new Map([
        ['A1', '<1>'],
        ['A2', '<2>'],
        ['A3', '<send-1>'],
      ]),
    ],
    ['b@contoso.example', new Map([['B2', '<2>']])],
  ]),
  sent: new Map([['Chaos send #1', 1]]),
});

const db = () => ({
  emails: new Map([
    ['<1>', 1],
    ['<2>', 1],
    ['<send-1>', 1],
  ]),
  copies: new Map([
    [
      'mailbox-a',
      new Map<string, string | null>([
        ['A1', '<1>'],
        ['A2', '<2>'],
        ['A3', '<send-1>'],
      ]),
    ],
    ['mailbox-b', new Map<string, string | null>([['B2', '<2>']])],
  ]),
  sends: new Map([['Chaos send #1', ['SENT']]]),
});

describe('chaos comparison of Exchange with PostgreSQL', () => {
  it('finds nothing wrong when both hold the same', () => {
    expect(compare(truth(), db(), seeded, 1)).toEqual({
      messages: {
        expected: 3,
        found: 3,
        duplicated: 0,
        missing: 0,
        copiesExpected: 4,
        copiesMissing: 0,
        copiesWrong: 0,
        copiesUnexpected: 0,
      },
      sends: { requested: 1, sentInExchange: 1, duplicated: 0, notSent: 0, notMarkedSent: 0 },
    });
  });

  it('counts a missing email, a missing copy, a copy on the wrong email and a leftover copy', () => {
    const stored = db();
    stored.emails.delete('<1>');
    stored.copies.get('mailbox-b')!.delete('B2');
    stored.copies.get('mailbox-a')!.set('A2', '<1>');
    stored.copies.get('mailbox-a')!.set('A9', '<9>');
    expect(compare(truth(), stored, seeded, 1).messages).toMatchObject({
      found: 2,
      missing: 1,
      copiesMissing: 1,
      copiesWrong: 1,
      copiesUnexpected: 1,
    });
  });

  it('counts a send that went out twice, one that never went, and one the CRM still shows Sending', () => {
    const exchange = truth();
    exchange.sent.set('Chaos send #1', 2);
    const stored = db();
    stored.sends.set('Chaos send #2', ['SENDING']);
    expect(compare(exchange, stored, seeded, 2).sends).toEqual({
      requested: 2,
      sentInExchange: 1,
      duplicated: 1,
      notSent: 1,
      notMarkedSent: 1,
    });
  });
});
