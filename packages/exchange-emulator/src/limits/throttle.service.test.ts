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

  it('limits an app across all mailboxes per global window', () => {
    const throttle = new ThrottleService(() => limits({ appRequestsPerWindow: 3 }));
    for (const mailbox of ['a', 'b', 'c']) throttle.admit('app', mailbox, 0)();
    expect(throttledMessage(() => throttle.admit('app', 'd', 5000))).toMatch(/^429 ApplicationThrottled/);
    expect(throttledMessage(() => throttle.admit('other-app', 'd', 5000)())).toBe('admitted');
    expect(throttledMessage(() => throttle.admit('app', 'd', 10_000)())).toBe('admitted');
  });
});
