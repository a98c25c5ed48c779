import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SecretCipher } from '@mailroom/domain';
import { startEmulatorProcess } from '../tooling/emulator-process.ts';
import { startEphemeralPostgres } from '../tooling/ephemeral-postgres.ts';
import { freePort } from '../tooling/free-port.ts';
import { startRedisServer } from '../tooling/redis-server.ts';
import { benchConfig } from './bench-config.ts';

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
  const emulator = await startEmulatorProcess(benchDataDir(), benchConfig.childEnv({}));
  const url = emulator.url;
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
    pid: emulator.pid,
    control,
    reset: (mailboxes: number, messagesPerMailbox: number) =>
      control('/reset', 'POST', { scenario: 'scale', mailboxes, messagesPerMailbox, seed: 7 }),
    stop: emulator.stop,
  };
}

/** What the API and worker processes of a benchmark connect to. */
export interface Stack {
  databaseUrl: string;
  redisUrl: string;
  secretKey: string;
}

/** A benchmark's own PostgreSQL, redis-server and emulator process, started side by side, and a new secret key. */
export async function startBenchStack() {
  const [postgres, redis, emulator] = await Promise.all([
    startEphemeralPostgres(),
    freePort().then((port) => startRedisServer({ port })),
    startBenchEmulator(),
  ]);
  const secretKey = randomBytes(32).toString('base64');
  const stack: Stack = { databaseUrl: postgres.url, redisUrl: redis.url, secretKey };
  return {
    postgres,
    redis,
    emulator,
    stack,
    cipher: new SecretCipher(Buffer.from(secretKey, 'base64')),
    async stop() {
      await emulator.stop();
      await Promise.all([redis.stop(), postgres.stop()]);
    },
  };
}
