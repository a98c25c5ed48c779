/** What ordering and grouping need to know about a timeline entry (a task has no conversation). */
export type ThreadedEntry = { id: string; occurredAt: string; conversationId?: string | null };

/** The emails of one conversation, newest first (a task, or an email alone, is a thread of one). */
export type Thread<Entry extends ThreadedEntry> = { key: string; entries: Entry[] };

/** What the live subscription last said about an activity: its current state, or null once it left the timeline. */
export type LiveChange<Entry> = { change: string; entry: Entry | null };

const compareDesc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/**
 * Entries grouped by conversation in the API's order: the thread with the latest email first, and
 * each thread's emails newest first. An email without a conversation is a thread of its own.
 */
export function threadsOf<Entry extends ThreadedEntry>(entries: readonly Entry[]): Thread<Entry>[] {
  const byKey = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = entry.conversationId ?? entry.id;
    const thread = byKey.get(key);
    if (thread === undefined) byKey.set(key, [entry]);
    else thread.push(entry);
  }
  const threads = [...byKey].map(([key, list]) => ({
    key,
    entries: list.sort((a, b) => compareDesc(time(a), time(b)) || compareDesc(a.id, b.id)),
  }));
  // Each thread's first entry is its latest.
  return threads.sort((a, b) => compareDesc(time(a.entries[0]!), time(b.entries[0]!)) || compareDesc(a.key, b.key));
}

// ISO strings from the API sort as text only when they share a format; dates make that certain.
function time(entry: ThreadedEntry): string {
  return new Date(entry.occurredAt).toISOString();
}

/**
 * The loaded pages with what the subscription said since: a changed entry replaces its loaded
 * version, a new one joins, one that left the timeline goes. `totalCount` counts the new ones the
 * API counted too: those it created, or any once every page is loaded (until then an entry not
 * loaded yet may sit on a later page).
 */
export function withLiveChanges<Entry extends ThreadedEntry>(
  loaded: readonly Entry[],
  live: ReadonlyMap<string, LiveChange<Entry>>,
  totalCount: number,
  allLoaded: boolean,
): { entries: Entry[]; totalCount: number } {
  const loadedIds = new Set(loaded.map((entry) => entry.id));
  const entries: Entry[] = [];
  let count = totalCount;
  for (const entry of loaded) {
    const latest = live.get(entry.id);
    if (latest === undefined) entries.push(entry);
    else if (latest.entry === null) count -= 1;
    else entries.push(latest.entry);
  }
  for (const [id, { change, entry }] of live) {
    if (entry === null || loadedIds.has(id)) continue;
    entries.push(entry);
    if (change === 'CREATED' || allLoaded) count += 1;
  }
  return { entries, totalCount: Math.max(count, entries.length) };
}
