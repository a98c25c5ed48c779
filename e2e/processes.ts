import { spawn, type ChildProcess } from 'node:child_process';
import { WORKER_NODE_FLAGS } from '../apps/worker/src/node-flags.ts';
import { ROOT } from '../scripts/root.ts';

export interface Spawned {
  child: ChildProcess;
  output(): string;
  /** Resolves when the output contains `text`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * A worker process (apps/worker/src/main.ts), started as every launcher starts one. Several run
 * side by side here, so each serves its metrics on a free port unless told one.
 */
export function spawnWorker(env: Record<string, string>): Spawned {
  return spawnNode([...WORKER_NODE_FLAGS, '--import', 'tsx', 'apps/worker/src/main.ts'], {
    WORKER_METRICS_PORT: '0',
    ...env,
  });
}

/** Runs one of the repository's TypeScript entry points as a real child process. */
export function spawnTs(entry: string, env: Record<string, string>): Spawned {
  return spawnNode(['--import', 'tsx', entry], env);
}

/** Runs Node (the project's Node 24) with arguments, from the repository root. */
export function spawnNode(args: string[], env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    waitFor(text, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const matches = () => (typeof text === 'string' ? output.includes(text) : text.test(output));
        if (matches()) return resolve();
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${String(text)} in:\n${output}`));
        }, timeoutMs);
        const check = () => {
          if (matches()) {
            clearTimeout(timer);
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        void exited.then(() => {
          if (!matches()) {
            clearTimeout(timer);
            listeners.delete(check);
            reject(new Error(`process exited before ${String(text)}:\n${output}`));
          }
        });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
