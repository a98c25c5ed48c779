import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../tooling/free-port.ts';
import { benchConfig } from './bench-config.ts';
import { waitForPort } from '../tooling/wait-for-http.ts';

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Peak resident set size of a process so far, in MiB (VmHWM). */
export function peakRssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

/** Where `npm run bench` keeps benchmark data; only set in the child that trusts the emulator CA. */
export function benchDataDir(): string {
  if (!benchConfig.dataDir) throw new Error('run through `npm run bench` (it trusts the emulator CA)');
  return benchConfig.dataDir;
}

/** An Exchange emulator in its own process, with the CA `npm run bench` trusts. */
export async function startBenchEmulator() {
  const dataDir = benchDataDir();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/emulator.ts'], {
    env: benchConfig.childEnv({ EMULATOR_PORT: String(port), MAILROOM_DATA_DIR: dataDir }),
    stdio: 'ignore',
  });
  await waitForPort(port, () => child.exitCode === null);
  const url = `https://localhost:${port}`;
  const control = async (path: string, method: string, body?: unknown) => {
    const response = await fetch(`${url}/_emulator${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  return {
    url,
    pid: child.pid!,
    control,
    reset: (mailboxes: number, messagesPerMailbox: number) =>
      control('/reset', 'POST', { scenario: 'scale', mailboxes, messagesPerMailbox, seed: 7 }),
    stop: () => stopProcess(child),
  };
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
