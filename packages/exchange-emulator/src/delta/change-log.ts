/** One clock for the whole emulator state: every change gets the next sequence number. */
export class SequenceClock {
  value = 0;
  next(): number {
    return ++this.value;
  }
}

/** What a collection remembers about one item: the item, or a tombstone with the ids it was known by. */
export interface LogEntry<T> {
  key: string;
  seq: number;
  createdSeq: number;
  item: T | undefined;
  removedId?: string;
  removedImmutableId?: string;
}

/**
 * The items of one delta-trackable collection (a mail folder, a calendar, a to-do list) with a
 * log ordered by change sequence, so a delta page costs O(page) and not O(collection).
 */
export class ChangeLog<T> {
  private readonly entries = new Map<string, LogEntry<T>>();
  // Parallel arrays ordered by seq; an element is stale when its entry has moved on to a later seq.
  private seqs: number[] = [];
  private keys: string[] = [];
  private liveCount = 0;

  constructor(private readonly clock: SequenceClock) {}

  get size(): number {
    return this.liveCount;
  }

  get(key: string): T | undefined {
    return this.entries.get(key)?.item;
  }

  /** Adds or updates an item; returns whether it was new to this collection. */
  put(key: string, item: T): 'created' | 'updated' {
    const seq = this.clock.next();
    const existing = this.entries.get(key);
    let change: 'created' | 'updated';
    if (existing?.item !== undefined) {
      existing.item = item;
      existing.seq = seq;
      change = 'updated';
    } else {
      this.entries.set(key, { key, seq, createdSeq: seq, item });
      this.liveCount++;
      change = 'created';
    }
    this.append(seq, key);
    return change;
  }

  /** Marks the item gone; delta rounds that started before now report it as `@removed`. */
  remove(key: string, removedId: string, removedImmutableId: string): boolean {
    const existing = this.entries.get(key);
    if (existing?.item === undefined) return false;
    const seq = this.clock.next();
    existing.item = undefined;
    existing.seq = seq;
    existing.removedId = removedId;
    existing.removedImmutableId = removedImmutableId;
    this.liveCount--;
    this.append(seq, key);
    return true;
  }

  *values(): IterableIterator<T> {
    for (const entry of this.entries.values()) if (entry.item !== undefined) yield entry.item;
  }

  /**
   * Visits entries changed in (after, upTo], in sequence order, until `visit` returns false or
   * `budget` entries were looked at. Returns the last sequence looked at and whether the range is done.
   */
  scan(
    after: number,
    upTo: number,
    budget: number,
    visit: (entry: LogEntry<T>) => boolean,
  ): { last: number; done: boolean } {
    let low = 0;
    let high = this.seqs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.seqs[mid]! <= after) low = mid + 1;
      else high = mid;
    }
    let last = after;
    let looked = 0;
    for (let i = low; i < this.seqs.length; i++) {
      const seq = this.seqs[i]!;
      if (seq > upTo) return { last, done: true };
      if (looked >= budget) return { last, done: false };
      const entry = this.entries.get(this.keys[i]!)!;
      last = seq;
      if (entry.seq !== seq) continue;
      looked++;
      if (!visit(entry)) return { last, done: i === this.seqs.length - 1 || this.seqs[i + 1]! > upTo };
    }
    return { last, done: true };
  }

  private append(seq: number, key: string): void {
    this.seqs.push(seq);
    this.keys.push(key);
    if (this.seqs.length > 1024 && this.seqs.length > 2 * this.entries.size) this.compact();
  }

  private compact(): void {
    const live = [...this.entries.values()].sort((a, b) => a.seq - b.seq);
    this.seqs = live.map((entry) => entry.seq);
    this.keys = live.map((entry) => entry.key);
  }
}
