import { describe, expect, it } from 'vitest';
import { MailboxLimiter, type AdapterClock } from './mailbox-limiter.ts';

/** A clock whose time moves only when the test says so. */
function manualClock() {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const clock: AdapterClock = {
    now: () => now,
    sleep: (ms) => new Promise<void>((resolve) => timers.push({ at: now + ms, resolve })),
  };
  return {
    clock,
    async advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.resolve();
      }
      await settle();
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A task the test finishes by hand, recording when it started. */
function deferredTask(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve(name);
    fail = reject;
  });
  return {
    task: () => {
      log.push(name);
      return done;
    },
    finish: () => finish(),
    fail: (error: Error) => fail(error),
  };
}

describe('MailboxLimiter', () => {
  it('never runs more than the limit per mailbox, and starts waiters in arrival order', async () => {
    const { clock } = manualClock();
    const limiter = new MailboxLimiter(4, clock);
    const started: string[] = [];
    const tasks = Array.from({ length: 8 }, (_, i) => deferredTask(started, `t${i}`));
    const runs = tasks.map((t) => limiter.run('ann@contoso.example', t.task));
    await settle();
    expect(started).toEqual(['t0', 't1', 't2', 't3']);
    expect(limiter.inFlight('ann@contoso.example')).toBe(4);

    tasks[2]!.finish();
    await settle();
    expect(started).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(limiter.inFlight('ann@contoso.example')).toBe(4);

    for (const t of tasks) t.finish();
    await expect(Promise.all(runs)).resolves.toEqual(tasks.map((_, i) => `t${i}`));
    expect(limiter.inFlight('ann@contoso.example')).toBe(0);
  });

  it('limits each mailbox on its own, and treats keys case-insensitively', async () => {
    const { clock } = manualClock();
    const limiter = new MailboxLimiter(1, clock);
    const started: string[] = [];
    const a = deferredTask(started, 'a');
    const b = deferredTask(started, 'b');
    const A = deferredTask(started, 'A');
    void limiter.run('ann@contoso.example', a.task);
    void limiter.run('bob@contoso.example', b.task);
    void limiter.run('ANN@contoso.example', A.task);
    await settle();
    expect(started).toEqual(['a', 'b']);
    a.finish();
    await settle();
    expect(started).toEqual(['a', 'b', 'A']);
    b.finish();
    A.finish();
  });

  it('gives a weighted task (a batch) several slots, at most all of them', async () => {
    const { clock } = manualClock();
    const limiter = new MailboxLimiter(4, clock);
    const started: string[] = [];
    const single = deferredTask(started, 'single');
    const batch = deferredTask(started, 'batch');
    const after = deferredTask(started, 'after');
    void limiter.run('m', single.task);
    void limiter.run('m', batch.task, 20);
    void limiter.run('m', after.task);
    await settle();
    // The batch needs all four slots; the later single task does not overtake it.
    expect(started).toEqual(['single']);
    single.finish();
    await settle();
    expect(started).toEqual(['single', 'batch']);
    expect(limiter.inFlight('m')).toBe(4);
    batch.finish();
    await settle();
    expect(started).toEqual(['single', 'batch', 'after']);
    after.finish();
  });

  it('starts nothing for a held mailbox until the hold has passed', async () => {
    const time = manualClock();
    const limiter = new MailboxLimiter(4, time.clock);
    const started: string[] = [];
    limiter.hold('m', 1000);
    const first = deferredTask(started, 'first');
    const other = deferredTask(started, 'other');
    void limiter.run('m', first.task);
    void limiter.run('n', other.task);
    await settle();
    expect(started).toEqual(['other']);
    await time.advance(999);
    expect(started).toEqual(['other']);
    await time.advance(1);
    expect(started).toEqual(['other', 'first']);
    first.finish();
    other.finish();
  });

  it('keeps the longer of two holds', async () => {
    const time = manualClock();
    const limiter = new MailboxLimiter(4, time.clock);
    const started: string[] = [];
    limiter.hold('m', 2000);
    limiter.hold('m', 500);
    const t = deferredTask(started, 't');
    void limiter.run('m', t.task);
    await time.advance(1000);
    expect(started).toEqual([]);
    await time.advance(1000);
    expect(started).toEqual(['t']);
    t.finish();
  });

  it('remembers a hold set by the last request in flight (the throttled one) for its retry', async () => {
    const time = manualClock();
    const limiter = new MailboxLimiter(4, time.clock);
    const started: string[] = [];
    const throttled = deferredTask(started, 'throttled');
    const run = limiter.run('m', throttled.task);
    await settle();
    limiter.hold('m', 1000);
    throttled.fail(new Error('429'));
    await expect(run).rejects.toThrow('429');
    const retry = deferredTask(started, 'retry');
    void limiter.run('m', retry.task);
    await settle();
    expect(started).toEqual(['throttled']);
    await time.advance(1000);
    expect(started).toEqual(['throttled', 'retry']);
    retry.finish();
  });

  it('frees the slot of a task that fails', async () => {
    const { clock } = manualClock();
    const limiter = new MailboxLimiter(1, clock);
    await expect(limiter.run('m', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('m', () => Promise.resolve('ok'))).resolves.toBe('ok');
    expect(limiter.inFlight('m')).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => new MailboxLimiter(0, manualClock().clock)).toThrow(RangeError);
  });
});

describe('MailboxLimiter after a hold', () => {
  it('sends one probe first and opens up only when it came back without a new hold', async () => {
    const time = manualClock();
    const limiter = new MailboxLimiter(4, time.clock);
    const started: string[] = [];
    limiter.hold('m', 1000);
    const tasks = Array.from({ length: 6 }, (_, i) => deferredTask(started, `t${i}`));
    const runs = tasks.map((t) => limiter.run('m', t.task));
    await time.advance(1000);
    expect(started).toEqual(['t0']);

    // The probe is throttled again: the mailbox is held once more, and again only one goes.
    limiter.hold('m', 2000);
    tasks[0]!.fail(new Error('429'));
    await expect(runs[0]).rejects.toThrow('429');
    await settle();
    expect(started).toEqual(['t0']);
    await time.advance(1000);
    expect(started).toEqual(['t0', 't1']);

    tasks[1]!.finish();
    await settle();
    expect(started).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
    for (const t of tasks.slice(2)) t.finish();
  });

  it('lets a probe that needs several slots (a batch) go alone', async () => {
    const time = manualClock();
    const limiter = new MailboxLimiter(4, time.clock);
    const started: string[] = [];
    limiter.hold('m', 10);
    const batch = deferredTask(started, 'batch');
    const single = deferredTask(started, 'single');
    void limiter.run('m', batch.task, 20);
    void limiter.run('m', single.task);
    await time.advance(10);
    expect(started).toEqual(['batch']);
    batch.finish();
    await settle();
    expect(started).toEqual(['batch', 'single']);
    single.finish();
  });
});
