const PERIOD_MS = 10;
const WINDOW_MS = 1000;

/**
 * How late this process's event loop has been running over the last second. A busy emulator
 * admits a request only when its loop gets to it, possibly long after the request arrived; the
 * throttle adds this delay to its in-flight grace, so a client is not blamed for the emulator's
 * own backlog.
 */
export class EventLoopLag {
  private readonly samples: { atMs: number; lagMs: number }[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor() {
    let expected = performance.now() + PERIOD_MS;
    this.timer = setInterval(() => {
      const now = performance.now();
      this.samples.push({ atMs: now, lagMs: Math.max(0, now - expected) });
      while (this.samples.length > 0 && this.samples[0]!.atMs < now - WINDOW_MS) this.samples.shift();
      expected = now + PERIOD_MS;
    }, PERIOD_MS);
    this.timer.unref();
  }

  /** The worst delay seen over the last second, in milliseconds. */
  recentMs(): number {
    let worst = 0;
    for (const sample of this.samples) worst = Math.max(worst, sample.lagMs);
    return worst;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
