import { describe, expect, it } from 'vitest';
import { notificationLink } from './notification-link';

describe('notificationLink', () => {
  it('opens the mailbox a notification is about', () => {
    const mailboxId = '0b6c1f52-8a47-4d3e-9a38-2f3b1e7c9d10';
    expect(notificationLink({ data: { mailboxId, alertId: 'a1', code: 'X' } })).toBe(`/mailboxes/${mailboxId}`);
  });

  it('has no link for what has no page of its own, or for data of the wrong shape', () => {
    expect(notificationLink({ data: { jobId: 'j1' } })).toBeNull();
    expect(notificationLink({ data: { profileId: 'p1', failing: 3, total: 4 } })).toBeNull();
    expect(notificationLink({ data: { mailboxId: 42 } })).toBeNull();
    expect(notificationLink({ data: {} })).toBeNull();
  });
});
