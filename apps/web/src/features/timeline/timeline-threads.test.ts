import { describe, expect, it } from 'vitest';
import { threadsOf, withLiveChanges, type LiveChange, type ThreadedEntry } from './timeline-threads';

const entry = (id: string, occurredAt: string, conversationId: string | null = null): ThreadedEntry => ({
  id,
  occurredAt,
  conversationId,
});

describe('threadsOf', () => {
  it('puts the thread with the latest email first and keeps each thread together, newest first', () => {
    const threads = threadsOf([
      entry('a1', '2026-05-01T10:00:00Z', 'A'),
      entry('b1', '2026-05-02T10:00:00Z', 'B'),
      entry('a2', '2026-05-03T10:00:00Z', 'A'),
      entry('solo', '2026-05-02T12:00:00.000Z'),
    ]);
    expect(threads.map((t) => [t.key, t.entries.map((e) => e.id)])).toEqual([
      ['A', ['a2', 'a1']],
      ['solo', ['solo']],
      ['B', ['b1']],
    ]);
  });
});

describe('withLiveChanges', () => {
  const loaded = [entry('sent', '2026-05-01T10:00:00Z', 'A'), entry('old', '2026-04-01T10:00:00Z')];

  it('replaces changed entries, adds new ones and counts them', () => {
    const reply = entry('reply', '2026-05-02T10:00:00Z', 'A');
    const updated = { ...loaded[0]!, occurredAt: '2026-05-01T10:05:00Z' };
    const live = new Map<string, LiveChange<ThreadedEntry>>([
      ['sent', { change: 'UPDATED', entry: updated }],
      ['reply', { change: 'CREATED', entry: reply }],
    ]);
    const result = withLiveChanges(loaded, live, 2, false);
    expect(result.entries).toEqual([updated, loaded[1], reply]);
    expect(result.totalCount).toBe(3);
  });

  it('drops entries that left the timeline', () => {
    const live = new Map<string, LiveChange<ThreadedEntry>>([['old', { change: 'UPDATED', entry: null }]]);
    expect(withLiveChanges(loaded, live, 2, true)).toEqual({ entries: [loaded[0]], totalCount: 1 });
  });

  it('counts an updated entry it had not loaded only once every page is loaded', () => {
    const tracked = entry('tracked', '2026-03-01T10:00:00Z');
    const live = new Map<string, LiveChange<ThreadedEntry>>([['tracked', { change: 'UPDATED', entry: tracked }]]);
    expect(withLiveChanges(loaded, live, 5, false).totalCount).toBe(5);
    expect(withLiveChanges(loaded, live, 2, true).totalCount).toBe(3);
  });
});
