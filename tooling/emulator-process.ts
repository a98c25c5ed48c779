import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.ts';
import { waitForPort } from './wait-for-http.ts';

export interface EmulatorProcess {
  /** `https://localhost:PORT`. */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * An Exchange emulator in its own process (`scripts/emulator.ts`), its CA kept in `dataDir`/emulator so a
 * caller that trusts that CA reaches it over verified HTTPS.
 */
export async function startEmulatorProcess(
  dataDir: string,
  /** The child's environment (the caller's config gives it); the port and data directory are added. */
  env: NodeJS.ProcessEnv,
): Promise<EmulatorProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/emulator.ts'], {
    env: { ...env, EMULATOR_PORT: String(port), MAILROOM_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  await waitForPort(port, () => child.exitCode === null);
  return { url: `https://localhost:${port}`, pid: child.pid!, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
