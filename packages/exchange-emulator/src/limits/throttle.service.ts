import { errors, type GraphError } from '../http/graph-error.ts';

/** Counters of one (app, mailbox) pair, as `GET /_emulator/state` reports them. */
export interface ThrottleCounters {
  appId: string;
  mailbox: string;
  requests: number;
  throttled: number;
  /** Requests that arrived while a Retry-After for this pair was still running. */
  retryAfterViolations: number;
  /** Requests that arrived with the concurrency limit already reached. */
  concurrencyViolations: number;
  inFlight: number;
}

/** One request counted as a violation, kept for diagnosis (the last few of them). */
export interface ViolationRecord {
  atMs: number;
  appId: string;
  mailbox: string;
  kind: 'retryAfter' | 'concurrency';
  /** What was asked, e.g. `GET /users/…/messages/delta`. */
  request: string;
  /** Milliseconds since the 429 that opened the Retry-After window (retryAfter violations). */
  sinceThrottleMs: number | null;
  inFlight: number;
}

const VIOLATIONS_KEPT = 50;

interface Pair extends ThrottleCounters {
  retryUntilMs: number;
  /** When the last 429 went out. */
  throttledAtMs: number;
  /** Request counts per bucket of the sliding window. */
  buckets: number[];
  bucketStart: number;
  /** Bytes uploaded (POST/PATCH/PUT bodies) within the upload window, oldest first. */
  uploads: { atMs: number; bytes: number }[];
  uploadedBytes: number;
}

/** Requests of one app across all mailboxes in the current global window. */
interface AppWindow {
  startMs: number;
  requests: number;
}

export interface ThrottleLimits {
  concurrency: number;
  requestsPerWindow: number;
  windowSeconds: number;
  retryAfterSeconds: number;
  /** Upload (request bodies) per (app, mailbox) per `uploadWindowSeconds`; Exchange: 150 MB / 300 s. */
  uploadBytesPerWindow: number;
  uploadWindowSeconds: number;
  /** Requests per app across all tenants and mailboxes per `appWindowSeconds`; Graph: 130,000 / 10 s. */
  appRequestsPerWindow: number;
  appWindowSeconds: number;
}

const BUCKETS = 60;
/**
 * How long after a 429 other requests may still arrive without having seen it: those sent
 * alongside the throttled one, which a busy emulator (or a real network) may take this long to
 * admit. A client that sends after reading the 429 arrives later than this and is counted.
 */
const IN_FLIGHT_GRACE_MS = 250;

/**
 * Exchange's per-(app, mailbox) limits: concurrent requests and requests per window, answered
 * with 429 ApplicationThrottled and Retry-After; every request and violation is counted.
 */
export class ThrottleService {
  private pairs = new Map<string, Pair>();
  private apps = new Map<string, AppWindow>();
  private violations: ViolationRecord[] = [];

  constructor(
    private readonly limits: () => ThrottleLimits,
    /** How late the emulator's own event loop runs (ms): added to the in-flight grace. */
    private readonly loopLagMs: () => number = () => 0,
  ) {}

  reset(): void {
    this.pairs = new Map();
    this.apps = new Map();
    this.violations = [];
  }

  /** The last violations, oldest first. */
  recentViolations(): ViolationRecord[] {
    return [...this.violations];
  }

  private violation(pair: Pair, kind: ViolationRecord['kind'], now: number, request: string): void {
    if (kind === 'retryAfter') pair.retryAfterViolations++;
    else pair.concurrencyViolations++;
    this.violations.push({
      atMs: now,
      appId: pair.appId,
      mailbox: pair.mailbox,
      kind,
      request,
      sinceThrottleMs: kind === 'retryAfter' ? now - pair.throttledAtMs : null,
      inFlight: pair.inFlight,
    });
    if (this.violations.length > VIOLATIONS_KEPT) this.violations.shift();
  }

  /** Counts one request; throws 429 when it may not run, else returns the release for when it is done. */
  admit(appId: string, mailbox: string, now = Date.now(), uploadBytes = 0, request = ''): () => void {
    const limits = this.limits();
    const pair = this.pair(appId, mailbox, now);
    pair.requests++;
    this.admitApp(appId, pair, now, limits);
    if (now < pair.retryUntilMs) {
      // Requests already on their way when the 429 went out could not have known about it, but
      // one over the concurrency limit is a violation all the same.
      if (now - pair.throttledAtMs > IN_FLIGHT_GRACE_MS + this.loopLagMs())
        this.violation(pair, 'retryAfter', now, request);
      else if (pair.inFlight >= limits.concurrency) this.violation(pair, 'concurrency', now, request);
      pair.throttled++;
      throw errors.throttled(Math.max(1, Math.ceil((pair.retryUntilMs - now) / 1000)), 'MailboxConcurrency');
    }
    if (pair.inFlight >= limits.concurrency) {
      this.violation(pair, 'concurrency', now, request);
      throw this.throttle(pair, now, 'MailboxConcurrency');
    }
    const bucketMs = (limits.windowSeconds * 1000) / BUCKETS;
    const shift = Math.floor((now - pair.bucketStart) / bucketMs);
    if (shift > 0) {
      pair.buckets =
        shift >= BUCKETS
          ? new Array<number>(BUCKETS).fill(0)
          : [...pair.buckets.slice(shift), ...new Array<number>(shift).fill(0)];
      pair.bucketStart += shift * bucketMs;
    }
    const used = pair.buckets.reduce((sum, n) => sum + n, 0);
    if (used >= limits.requestsPerWindow) throw this.throttle(pair, now, 'MailboxRequests');
    if (uploadBytes > 0) {
      const horizon = now - limits.uploadWindowSeconds * 1000;
      while (pair.uploads.length > 0 && pair.uploads[0]!.atMs <= horizon)
        pair.uploadedBytes -= pair.uploads.shift()!.bytes;
      if (pair.uploadedBytes + uploadBytes > limits.uploadBytesPerWindow)
        throw this.throttle(pair, now, 'IncomingBytes');
      pair.uploads.push({ atMs: now, bytes: uploadBytes });
      pair.uploadedBytes += uploadBytes;
    }
    pair.buckets[BUCKETS - 1]!++;
    pair.inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      pair.inFlight--;
    };
  }

  /** Counts a request that a fault answered 429, and opens its Retry-After window. */
  injected(appId: string, mailbox: string, retryAfterSeconds: number, now = Date.now()): void {
    const pair = this.pair(appId, mailbox, now);
    pair.throttled++;
    pair.retryUntilMs = Math.max(pair.retryUntilMs, now + retryAfterSeconds * 1000);
    pair.throttledAtMs = now;
  }

  /** Counts a request that no mailbox limit applies to (directory, subscriptions); the app's global limit does. */
  count(appId: string, mailbox: string, now = Date.now()): void {
    const pair = this.pair(appId, mailbox, now);
    pair.requests++;
    this.admitApp(appId, pair, now, this.limits());
  }

  /** The app's global request rate, across every tenant and mailbox. */
  private admitApp(appId: string, pair: Pair, now: number, limits: ThrottleLimits): void {
    let window = this.apps.get(appId);
    if (!window || now - window.startMs >= limits.appWindowSeconds * 1000) {
      window = { startMs: now, requests: 0 };
      this.apps.set(appId, window);
    }
    window.requests++;
    if (window.requests > limits.appRequestsPerWindow) throw this.throttle(pair, now, 'ApplicationRequests');
  }

  counters(): ThrottleCounters[] {
    return [...this.pairs.values()].map(
      ({ appId, mailbox, requests, throttled, retryAfterViolations, concurrencyViolations, inFlight }) => ({
        appId,
        mailbox,
        requests,
        throttled,
        retryAfterViolations,
        concurrencyViolations,
        inFlight,
      }),
    );
  }

  private throttle(pair: Pair, now: number, limit: string): GraphError {
    const retryAfter = this.limits().retryAfterSeconds;
    pair.throttled++;
    pair.retryUntilMs = now + retryAfter * 1000;
    pair.throttledAtMs = now;
    return errors.throttled(retryAfter, limit);
  }

  private pair(appId: string, mailbox: string, now: number): Pair {
    const key = `${appId}|${mailbox}`;
    let pair = this.pairs.get(key);
    if (!pair) {
      pair = {
        appId,
        mailbox,
        requests: 0,
        throttled: 0,
        retryAfterViolations: 0,
        concurrencyViolations: 0,
        inFlight: 0,
        retryUntilMs: 0,
        throttledAtMs: 0,
        uploads: [],
        uploadedBytes: 0,
        buckets: new Array<number>(BUCKETS).fill(0),
        bucketStart: now,
      };
      this.pairs.set(key, pair);
    }
    return pair;
  }
}
