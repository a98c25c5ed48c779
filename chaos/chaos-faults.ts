// The faults a chaos run injects, one kind at a time and then mixed. Each fault lasts a window of
// the run; the workload (deliveries, sends, the initial sync) goes on underneath.
import type { CrashablePostgres, CrashableRedis, EmulatorHandle, StackProcess } from './chaos-stack.ts';

/** What a fault may act on. */
export interface FaultTargets {
  emulator: EmulatorHandle;
  postgres: CrashablePostgres;
  redis: CrashableRedis;
  /** SIGKILLs one running worker chosen by `random` and starts its replacement (as a supervisor would). */
  killWorker(random: () => number): Promise<StackProcess>;
  random: () => number;
  log(line: string): void;
}

export interface FaultOutcome {
  /** How many times the fault was injected (kills, restarts, emulator requests hit). */
  injected: number;
  detail: string;
}

export interface Fault {
  name: string;
  /** Runs the fault over a window of `ms` and reports what was injected. */
  run(targets: FaultTargets, ms: number): Promise<FaultOutcome>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface EmulatorFaultSpec {
  kind: 'throttle' | 'error5xx' | 'expireTokens' | 'expireDeltaTokens' | 'duplicateNotifications' | 'dropNotifications';
  rate?: number;
  retryAfter?: number;
  status?: 500 | 502 | 503 | 504;
}

interface EmulatorState {
  faults: { kind: string; hits: number }[];
  subscriptions: { id: string }[];
}

/** Injects emulator faults for the window, then clears them; the outcome counts the requests they hit. */
async function emulatorFaults(targets: FaultTargets, specs: EmulatorFaultSpec[], ms: number): Promise<FaultOutcome> {
  for (const spec of specs) await targets.emulator.control('POST', 'faults', spec);
  await sleep(ms);
  // A fault that has hit nothing yet proved nothing (a quiet moment, a low rate): it is injected
  // once more for exactly the next request, and the window goes on until each kind has hit.
  let state = await targets.emulator.control<EmulatorState>('GET', 'state');
  const hitKinds = () => new Set(state.faults.filter((f) => f.hits > 0).map((f) => f.kind));
  for (const spec of specs.filter((spec) => !hitKinds().has(spec.kind))) {
    const { rate: _rate, ...always } = spec;
    await targets.emulator.control('POST', 'faults', { ...always, count: 1 });
  }
  const overtime = Date.now() + Math.max(ms, 30_000);
  while (specs.some((spec) => !hitKinds().has(spec.kind)) && Date.now() < overtime) {
    await sleep(250);
    state = await targets.emulator.control<EmulatorState>('GET', 'state');
  }
  await targets.emulator.control('DELETE', 'faults');
  const hits = state.faults.reduce((sum, f) => sum + f.hits, 0);
  return {
    injected: hits,
    detail: state.faults.map((f) => `${f.kind}: ${f.hits} hit`).join(', '),
  };
}

/** Sends Graph's `missed` lifecycle event to every subscription: "some notifications were not delivered". */
async function missedLifecycle(targets: FaultTargets): Promise<number> {
  const state = await targets.emulator.control<EmulatorState>('GET', 'state');
  for (const subscription of state.subscriptions) {
    await targets.emulator.control('POST', `subscriptions/${subscription.id}/lifecycle`, { event: 'missed' });
  }
  return state.subscriptions.length;
}

/** Runs `action` at `at` × the window, keeping the window's length. */
async function at(fraction: number, ms: number, action: () => Promise<void>): Promise<void> {
  await sleep(ms * fraction);
  await action();
}

export const workerKills: Fault = {
  name: 'worker SIGKILL',
  async run(targets, ms) {
    const killed: string[] = [];
    const moments = [0.1 + 0.3 * targets.random(), 0.5 + 0.3 * targets.random()];
    let elapsed = 0;
    for (const moment of moments) {
      await sleep(Math.max(0, ms * moment - elapsed));
      const started = Date.now();
      const victim = await targets.killWorker(targets.random);
      killed.push(`pid ${victim.process.child.pid}`);
      elapsed = ms * moment + (Date.now() - started);
    }
    await sleep(Math.max(0, ms - elapsed));
    return { injected: killed.length, detail: `killed ${killed.join(', ')}; each replaced by a new worker` };
  },
};

export const redisRestart: Fault = {
  name: 'Redis restart',
  async run(targets, ms) {
    const started = Date.now();
    await at(0.3, ms, () => targets.redis.crashAndRestart(Math.min(2000, ms / 3)));
    await sleep(Math.max(0, ms - (Date.now() - started)));
    return { injected: 1, detail: 'redis-server SIGKILLed, restarted on its append-only file' };
  },
};

export const postgresRestart: Fault = {
  name: 'Postgres restart',
  async run(targets, ms) {
    const started = Date.now();
    await at(0.3, ms, () => targets.postgres.crashAndRestart(Math.min(2000, ms / 3)));
    await sleep(Math.max(0, ms - (Date.now() - started)));
    return { injected: 1, detail: 'immediate shutdown (SIGQUIT, no checkpoint), restarted with crash recovery' };
  },
};

export const serverErrors: Fault = {
  name: '10 % 5xx from Exchange',
  run: (targets, ms) => emulatorFaults(targets, [{ kind: 'error5xx', rate: 0.1 }], ms),
};

export const throttlingStorm: Fault = {
  name: 'throttling storm',
  run: (targets, ms) => emulatorFaults(targets, [{ kind: 'throttle', rate: 0.4, retryAfter: 2 }], ms),
};

export const tokenExpiry: Fault = {
  name: 'token expiry',
  run: (targets, ms) => emulatorFaults(targets, [{ kind: 'expireTokens' }], ms),
};

export const deltaTokenExpiry: Fault = {
  name: 'forced 410 (delta tokens expired)',
  run: (targets, ms) => emulatorFaults(targets, [{ kind: 'expireDeltaTokens' }], ms),
};

export const duplicatedNotifications: Fault = {
  name: 'duplicated notifications',
  run: (targets, ms) => emulatorFaults(targets, [{ kind: 'duplicateNotifications', rate: 0.5 }], ms),
};

export const missedNotifications: Fault = {
  name: 'missed notifications',
  async run(targets, ms) {
    const outcome = await emulatorFaults(targets, [{ kind: 'dropNotifications', rate: 0.5 }], ms);
    const lifecycle = await missedLifecycle(targets);
    return {
      injected: outcome.injected,
      detail: `${outcome.detail}; then "missed" sent to ${lifecycle} subscriptions`,
    };
  },
};

/** Everything at once: Exchange misbehaving in every way while processes die under it. */
export const mixed: Fault = {
  name: 'mixed (all of the above at once)',
  async run(targets, ms) {
    const started = Date.now();
    const exchange = emulatorFaults(
      targets,
      [
        { kind: 'error5xx', rate: 0.05 },
        { kind: 'throttle', rate: 0.15, retryAfter: 2 },
        { kind: 'duplicateNotifications', rate: 0.3 },
        { kind: 'dropNotifications', rate: 0.3 },
        { kind: 'expireTokens' },
        { kind: 'expireDeltaTokens' },
      ],
      ms,
    );
    const processes = (async () => {
      await at(0.15, ms, async () => void (await targets.killWorker(targets.random)));
      await at(0.15, ms, () => targets.redis.crashAndRestart(Math.min(2000, ms / 6)));
      await at(0.15, ms, () => targets.postgres.crashAndRestart(Math.min(2000, ms / 6)));
      await at(0.15, ms, async () => void (await targets.killWorker(targets.random)));
    })();
    const [outcome] = await Promise.all([exchange, processes]);
    await sleep(Math.max(0, ms - (Date.now() - started)));
    const lifecycle = await missedLifecycle(targets);
    return {
      injected: outcome.injected + 4 + lifecycle,
      detail: `${outcome.detail}; 2 worker kills, a Redis and a Postgres restart; "missed" to ${lifecycle} subscriptions`,
    };
  },
};

/** The run's schedule: each kind alone, then all mixed (its window twice as long). */
export const SCHEDULE: { fault: Fault; windows: number }[] = [
  { fault: workerKills, windows: 1 },
  { fault: redisRestart, windows: 1 },
  { fault: postgresRestart, windows: 1 },
  { fault: serverErrors, windows: 1 },
  { fault: throttlingStorm, windows: 1 },
  { fault: tokenExpiry, windows: 1 },
  { fault: deltaTokenExpiry, windows: 1 },
  { fault: duplicatedNotifications, windows: 1 },
  { fault: missedNotifications, windows: 1 },
  { fault: mixed, windows: 2 },
];
