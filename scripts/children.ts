import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { prettyFactory } from 'pino-pretty';

const COLOURS = { api: 35, worker: 36, web: 32, emulator: 33, launcher: 34 } as const;
export type ChildName = keyof typeof COLOURS;

const pretty = prettyFactory({
  colorize: process.stdout.isTTY,
  translateTime: 'HH:MM:ss',
  ignore: 'pid,hostname,name',
});

export function prefix(name: ChildName): string {
  const label = `[${name}]`.padEnd(11);
  return process.stdout.isTTY ? `\x1b[${COLOURS[name]}m${label}\x1b[0m` : label;
}

/** Prints one line of a child's output with its prefix; pino JSON lines are made readable. */
function printLine(name: ChildName, line: string): void {
  let text = line;
  if (line.startsWith('{')) {
    try {
      text = pretty(JSON.parse(line)).trimEnd();
    } catch {
      // not JSON after all: print as is
    }
  }
  for (const part of text.split('\n')) process.stdout.write(`${prefix(name)} ${part}\n`);
}

export interface Child {
  name: ChildName;
  process: ChildProcess;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

export function startChild(
  name: ChildName,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Child {
  // detached: a process group of its own, so a terminal's Ctrl-C reaches only the launcher, which
  // then stops children in order (and their own children with them).
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => printLine(name, line));
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))),
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    name,
    process: child,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // Make sure no grandchild (e.g. esbuild under Vite) outlives its parent.
      signalGroup('SIGKILL');
    },
  };
}
