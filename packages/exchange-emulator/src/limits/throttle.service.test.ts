import { describe, expect, it } from 'vitest';
import { GraphError } from '../http/graph-error.ts';
import { ThrottleService, type ThrottleLimits } from './throttle.service.ts';

const limits = (overrides: Partial<ThrottleLimits> = {}): ThrottleLimits => ({
  concurrency: 4,
  requestsPerWindow: 10_000,
  windowSeconds: 600,
  retryAfterSeconds: 1,
  uploadBytesPerWindow: 1000,
  uploadWindowSeconds: 300,
  appRequestsPerWindow: 130_000,
  appWindowSeconds: 10,
  ...overrides,
});

function throttledMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphError) return `${error.status} ${error.code} ${error.message}`;
    throw error;
  }
  return 'admitted';
}

describe('Exchange limits in the emulator', () => {
  it('answers 429 once a mailbox has uploaded its window’s bytes, and admits again after the window', () => {
    const throttle = new ThrottleService(() => limits());
    throttle.admit('app', 'm', 0, 600)();
    expect(throttledMessage(() => throttle.admit('app', 'm', 1000, 500))).toMatch(
      /^429 ApplicationThrottled .*IncomingBytes/,
    );
    // Other mailboxes have their own budget.
    expect(throttledMessage(() => throttle.admit('app', 'other', 1000, 500)())).toBe('admitted');
    expect(throttledMessage(() => throttle.admit('app', 'm', 301_000, 500)())).toBe('admitted');
  });

  it("counts a request inside a Retry-After window as a violation, unless the emulator's own backlog explains its lateness", () => {
    let lagMs = 0;
    const throttle = new ThrottleService(
      () => limits({ concurrency: 1 }),
      () => lagMs,
    );
    throttle.admit('app', 'm', 0); // in flight, never released
    throttledMessage(() => throttle.admit('app', 'm', 10)); // over the limit: 429, Retry-After 1 s
    const violations = () => throttle.counters()[0]!.retryAfterViolations;
    throttledMessage(() => throttle.admit('app', 'm', 200)); // sent alongside: within the grace
    expect(violations()).toBe(0);
    lagMs = 400; // the emulator's loop ran 400 ms late: this one may have been sent before the 429
    throttledMessage(() => throttle.admit('app', 'm', 500));
    expect(violations()).toBe(0);
    lagMs = 0; // the loop keeps up: a request 490 ms after the 429 ignored it
    throttledMessage(() => throttle.admit('app', 'm', 500));
    expect(violations()).toBe(1);
  });

  it('limits an app across all mailboxes per global window', () => {
    const throttle = new ThrottleService(() => limits({ appRequestsPerWindow: 3 }));
    for (const mailbox of ['a', 'b', 'c']) throttle.admit('app', mailbox, 0)();
    expect(throttledMessage(() => throttle.admit('app', 'd', 5000))).toMatch(/^429 ApplicationThrottled/);
    expect(throttledMessage(() => throttle.admit('other-app', 'd', 5000)())).toBe('admitted');
    expect(throttledMessage(() => throttle.admit('app', 'd', 10_000)())).toBe('admitted');
  });
});
