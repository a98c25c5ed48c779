import { describe, expect, it } from 'vitest';
import { parseMessageView, renderMessage } from '../mail/message.view.ts';
import { scaleState } from './scale.scenario.ts';

const ttl = () => 3600_000;

describe('scale scenario', () => {
  it('generates 1,000 mailboxes × 100 messages in seconds, deterministically from the seed', () => {
    const started = Date.now();
    const state = scaleState({ mailboxes: 1000, messagesPerMailbox: 100, seed: 7 }, ttl);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(state.directory.users.size).toBe(1000);
    const user = state.directory.find('user0001@contoso.example')!;
    const messages = [...state.data(user).mail.byKey.values()];
    expect(messages).toHaveLength(100);
    const again = scaleState({ mailboxes: 1000, messagesPerMailbox: 100, seed: 7 }, ttl);
    const twin = [...again.data(again.directory.find('user0001@contoso.example')!).mail.byKey.values()];
    expect(twin.map((m) => [m.subject, m.internetMessageId, m.receivedDateTime])).toEqual(
      messages.map((m) => [m.subject, m.internetMessageId, m.receivedDateTime]),
    );
  }, 30_000);

  it('makes realistic mail: threads with In-Reply-To, external senders, several recipients, ~4 KB median bodies', () => {
    const state = scaleState({ mailboxes: 1, messagesPerMailbox: 10_000, seed: 3 }, ttl);
    const messages = [...state.data(state.directory.find('user1@contoso.example')!).mail.byKey.values()];
    expect(messages).toHaveLength(10_000);
    const view = parseMessageView(new URLSearchParams(), new Map(), false);
    const sizes = messages
      .slice(0, 2000)
      .map((m) => String((renderMessage(m, view)['body'] as { content: string }).content).length)
      .sort((a, b) => a - b);
    const median = sizes[sizes.length / 2]!;
    expect(median).toBeGreaterThan(3000);
    expect(median).toBeLessThan(5500);
    expect(sizes.at(-1)!).toBeLessThanOrEqual(100_000);
    const replies = messages.filter((m) => m.inReplyTo);
    expect(replies.length).toBeGreaterThan(messages.length / 3);
    const byImid = new Map(messages.map((m) => [m.internetMessageId, m]));
    for (const reply of replies.slice(0, 100))
      expect(byImid.get(reply.inReplyTo!)?.conversationId).toBe(reply.conversationId);
    expect(messages.some((m) => !m.from?.emailAddress?.address?.endsWith('@contoso.example'))).toBe(true);
    expect(messages.some((m) => m.ccRecipients.length >= 2)).toBe(true);
  });
});
