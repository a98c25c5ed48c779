import { randomBytes } from 'node:crypto';
import { GraphError } from '../http/graph-error.ts';
import type { ChangeLog, LogEntry, SequenceClock } from './change-log.ts';

/** Where a delta chain stands: inside a round (nextLink) or between rounds (deltaLink). */
interface Position {
  kind: 'skip' | 'delta';
  initial: boolean;
  /** The sync point the round reports changes since (0 for the initial round). */
  fromSeq: number;
  /** Last sequence already covered in this round. */
  after: number;
  /** The round's snapshot: changes after it belong to the next round. */
  upTo: number;
}

interface SyncState<O> {
  id: string;
  collectionKey: string;
  userId: string;
  options: O;
  initialUrl: string;
  createdAtMs: number;
  lastUsedMs: number;
  highest: number;
  generations: Map<number, Position>;
}

export interface DeltaPageInput<T, O> {
  collectionKey: string;
  log: ChangeLog<T>;
  userId: string;
  /** Request path after /v1.0 (the links repeat it) and the query of the request. */
  path: string;
  query: URLSearchParams;
  origin: string;
  pageSize: number;
  /** Query options of a first request; later requests take them from the token. */
  parseOptions: () => O;
  /** Whether an item belongs to the tracked set under these options. */
  matches: (item: T, options: O) => boolean;
  /** What a change that leaves the set looks like: calendar windows report `@removed`, filters skip. */
  leavingSet: 'removed' | 'skip';
  changeType: (options: O) => 'created' | 'updated' | 'deleted' | undefined;
  render: (item: T, options: O) => Record<string, unknown>;
  renderRemoved: (entry: LogEntry<T>) => Record<string, unknown>;
  /** True when a fault expires this state (checked once per token use). */
  forcedReset: (state: { userId: string; createdAtMs: number }) => boolean;
}

export interface DeltaPage {
  value: Record<string, unknown>[];
  nextLink?: string;
  deltaLink?: string;
}

const KEPT_GENERATIONS = 3;
// Entries looked at per page at most; beyond it a page may come back short or empty, with a nextLink.
const SCAN_BUDGET_FACTOR = 20;

/** Sync states with generations, the way Exchange keeps them: old generations answer 410. */
export class DeltaService {
  private readonly states = new Map<string, SyncState<unknown>>();

  constructor(
    private readonly clock: SequenceClock,
    private readonly ttlMs: () => number,
  ) {}

  get stateCount(): number {
    return this.states.size;
  }

  clear(): void {
    this.states.clear();
  }

  page<T, O>(input: DeltaPageInput<T, O>): DeltaPage {
    const token = input.query.get('$skiptoken') ?? input.query.get('$deltatoken');
    const now = Date.now();
    let state: SyncState<O>;
    let position: Position;
    if (token === null) {
      const options = input.parseOptions();
      const upTo = this.clock.value;
      state = {
        id: randomBytes(12).toString('base64url'),
        collectionKey: input.collectionKey,
        userId: input.userId,
        options,
        initialUrl: `${input.origin}/v1.0${input.path}${input.query.size > 0 ? `?${input.query.toString()}` : ''}`,
        createdAtMs: now,
        lastUsedMs: now,
        highest: 0,
        generations: new Map(),
      };
      this.states.set(state.id, state);
      this.sweep(now);
      position = { kind: 'skip', initial: true, fromSeq: 0, after: 0, upTo };
    } else {
      const decoded = decodeToken(token);
      const found = decoded && this.states.get(decoded.stateId);
      if (!decoded || !found || found.collectionKey !== input.collectionKey || now - found.lastUsedMs > this.ttlMs()) {
        throw new GraphError(
          410,
          'SyncStateNotFound',
          'The sync state is not found or has expired. Start a new synchronization.',
        );
      }
      state = found as SyncState<O>;
      if (input.forcedReset(state)) {
        this.states.delete(state.id);
        throw new GraphError(
          410,
          'resyncRequired',
          "Resync required. Replace any local items with the server's items to avoid duplication.",
          {
            Location: state.initialUrl,
          },
        );
      }
      const stored = state.generations.get(decoded.generation);
      if (!stored) {
        const kept = [...state.generations.keys()].map((g) => `[${g}]`).join('');
        throw new GraphError(
          410,
          'SyncStateNotFound',
          `The sync state generation is not found; generation=${decoded.generation};[highest=${state.highest}]${kept}.`,
        );
      }
      state.lastUsedMs = now;
      position =
        stored.kind === 'delta'
          ? { kind: 'skip', initial: false, fromSeq: stored.fromSeq, after: stored.fromSeq, upTo: this.clock.value }
          : stored;
    }

    const options = state.options;
    const wanted = input.changeType(options);
    const value: Record<string, unknown>[] = [];
    const visit = (entry: LogEntry<T>): boolean => {
      const item = entry.item;
      if (item === undefined) {
        if (!position.initial && (wanted === undefined || wanted === 'deleted')) value.push(input.renderRemoved(entry));
      } else if (input.matches(item, options)) {
        const change = position.initial || entry.createdSeq > position.fromSeq ? 'created' : 'updated';
        if (wanted === undefined || wanted === change) value.push(input.render(item, options));
      } else if (
        !position.initial &&
        input.leavingSet === 'removed' &&
        entry.createdSeq <= position.fromSeq &&
        (wanted === undefined || wanted === 'deleted')
      ) {
        // It left the tracked set (e.g. moved out of a calendar window): the client may hold it. Items
        // created since the sync point never matched, so the client cannot hold them.
        value.push(input.renderRemoved({ ...entry, removedId: entry.key, removedImmutableId: entry.key }));
      }
      return value.length < input.pageSize;
    };
    const { last, done } = input.log.scan(position.after, position.upTo, input.pageSize * SCAN_BUDGET_FACTOR, visit);

    const next: Position = done
      ? { kind: 'delta', initial: false, fromSeq: position.upTo, after: position.upTo, upTo: position.upTo }
      : { ...position, kind: 'skip', after: last };
    const generation = ++state.highest;
    state.generations.set(generation, next);
    state.generations.delete(generation - KEPT_GENERATIONS);
    const link = `${input.origin}/v1.0${input.path}?${done ? '$deltatoken' : '$skiptoken'}=${encodeToken(state.id, generation)}`;
    return done ? { value, deltaLink: link } : { value, nextLink: link };
  }

  private sweep(now: number): void {
    if (this.states.size % 1000 !== 0) return;
    for (const [id, state] of this.states) if (now - state.lastUsedMs > this.ttlMs()) this.states.delete(id);
  }
}

function encodeToken(stateId: string, generation: number): string {
  const id = Buffer.from(stateId, 'base64url');
  const out = Buffer.alloc(id.length + 4);
  id.copy(out);
  out.writeUInt32BE(generation, id.length);
  return out.toString('base64url');
}

function decodeToken(token: string): { stateId: string; generation: number } | undefined {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return undefined;
  const raw = Buffer.from(token, 'base64url');
  return { stateId: raw.subarray(0, 12).toString('base64url'), generation: raw.readUInt32BE(12) };
}
