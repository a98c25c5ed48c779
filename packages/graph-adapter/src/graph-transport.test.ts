import { describe, expect, it } from 'vitest';
import { resourceMailbox } from './change-subscriptions.ts';
import { isMailboxPath, segment, withQuery } from './graph-transport.ts';

describe('withQuery', () => {
  it('percent-encodes values, which the SDK would send as given', () => {
    expect(
      withQuery('/users/a@b/messages', {
        $filter: "singleValueExtendedProperties/Any(ep: ep/id eq 'x' and ep/value eq 'O''Neil')",
        $top: 1,
        $select: undefined,
      }),
    ).toBe(
      "/users/a@b/messages?$filter=singleValueExtendedProperties%2FAny(ep%3A%20ep%2Fid%20eq%20'x'%20and%20ep%2Fvalue%20eq%20'O''Neil')&$top=1",
    );
  });

  it('leaves a URL alone when there is nothing to add', () => {
    expect(withQuery('https://h/v1.0/x?$deltatoken=a', undefined)).toBe('https://h/v1.0/x?$deltatoken=a');
    expect(withQuery('/x', { $select: undefined })).toBe('/x');
  });
});

describe('segment', () => {
  it('keeps UPNs and Exchange ids readable and escapes the rest', () => {
    expect(segment('ann@contoso.example')).toBe('ann@contoso.example');
    expect(segment('AAMkAD-_x=')).toBe('AAMkAD-_x=');
    expect(segment('a/b?c#d e')).toBe('a%2Fb%3Fc%23d%20e');
  });
});

describe('isMailboxPath', () => {
  it('is true below a user and false for the user itself or other resources', () => {
    expect(isMailboxPath('/users/a@b/mailFolders/inbox')).toBe(true);
    expect(isMailboxPath('https://localhost:4100/v1.0/users/a@b/messages/delta?$skiptoken=x')).toBe(true);
    expect(isMailboxPath('/users/a@b')).toBe(false);
    expect(isMailboxPath('/subscriptions')).toBe(false);
  });
});

describe('resourceMailbox', () => {
  it('finds the mailbox a subscription resource belongs to', () => {
    expect(resourceMailbox("users/ann@contoso.example/mailFolders('inbox')/messages")).toBe('ann@contoso.example');
    expect(resourceMailbox('/users/u1/events')).toBe('u1');
    expect(resourceMailbox('subscriptions')).toBeUndefined();
  });
});
