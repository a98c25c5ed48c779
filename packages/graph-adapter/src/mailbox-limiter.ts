/** Time as the adapter sees it; injectable so tests need not wait for real seconds. */
export interface AdapterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: AdapterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Retry-After holds shared by every process calling Graph as the same app: a 429 one worker
 * receives holds the mailbox for all of them (each process's own limiter only knows its own).
 * Durations rather than instants, so the processes' clocks need not agree.
 */
export interface SharedHolds {
  /** Milliseconds left of the mailbox's hold, 0 when there is none. */
  remainingMs(key: string): Promise<number>;
  /** Holds the mailbox for `ms` from now; a shorter hold never cuts a longer one. */
  hold(key: string, ms: number): Promise<void>;
}

interface Waiter {
  weight: number;
  start: (asProbe: boolean) => void;
}

interface MailboxState {
  active: number;
  heldUntil: number;
  /** After a hold, one request at a time until one completes without a new hold. */
  probing: boolean;
  wakeScheduled: boolean;
  queue: Waiter[];
}

/**
 * Keeps each mailbox within Exchange's limits: never more than `maxConcurrent` requests in
 * flight per mailbox, and none started while the mailbox is held after a 429 until its
 * Retry-After has passed. When a hold ends, one request goes first as a probe and the others
 * follow only once it has come back without a new hold, so a mailbox that is still throttled
 * gets one more request, not a burst. Waiters start in arrival order, so a heavy task is not
 * starved by light ones. Keys are compared case-insensitively, since UPNs are.
 */
export class MailboxLimiter {
  private readonly states = new Map<string, MailboxState>();

  constructor(
    private readonly maxConcurrent: number,
    private readonly clock: AdapterClock,
  ) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
      throw new RangeError(`maxConcurrent must be a positive integer, got ${maxConcurrent}`);
    }
  }

  /**
   * Runs `task` once the mailbox has room for `weight` slots (at most `maxConcurrent`; a JSON
   * batch of several items to one mailbox takes several) and is not held.
   */
  async run<T>(key: string, task: () => Promise<T>, weight = 1): Promise<T> {
    const slots = Math.min(Math.max(1, weight), this.maxConcurrent);
    const state = this.state(key);
    const asProbe = await new Promise<boolean>((start) => {
      state.queue.push({ weight: slots, start });
      this.pump(key, state);
    });
    try {
      return await task();
    } finally {
      state.active -= slots;
      if (asProbe && state.heldUntil <= this.clock.now()) state.probing = false;
      this.pump(key, state);
    }
  }

  /** Holds the mailbox: no request starts before `untilMs`. A shorter hold never cuts a longer one. */
  hold(key: string, untilMs: number): void {
    const state = this.state(key);
    if (untilMs > state.heldUntil) state.heldUntil = untilMs;
    state.probing = true;
    this.pump(key, state);
  }

  /** Requests in flight for the mailbox now. */
  inFlight(key: string): number {
    return this.states.get(normalise(key))?.active ?? 0;
  }

  private state(key: string): MailboxState {
    const id = normalise(key);
    let state = this.states.get(id);
    if (state === undefined) {
      state = { active: 0, heldUntil: 0, probing: false, wakeScheduled: false, queue: [] };
      this.states.set(id, state);
    }
    return state;
  }

  private pump(key: string, state: MailboxState): void {
    const now = this.clock.now();
    if (state.heldUntil > now) {
      if (!state.wakeScheduled && state.queue.length > 0) {
        state.wakeScheduled = true;
        void this.clock.sleep(state.heldUntil - now).then(() => {
          state.wakeScheduled = false;
          this.pump(key, state);
        });
      }
      return;
    }
    let head = state.queue[0];
    while (
      head !== undefined &&
      (state.probing ? state.active === 0 : state.active + head.weight <= this.maxConcurrent)
    ) {
      state.queue.shift();
      state.active += head.weight;
      head.start(state.probing);
      head = state.queue[0];
    }
    // Forget idle, unthrottled mailboxes so thousands of them do not accumulate.
    if (state.active === 0 && state.queue.length === 0 && !state.wakeScheduled && !state.probing) {
      this.states.delete(normalise(key));
    }
  }
}

const normalise = (key: string): string => key.toLowerCase();
