import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const CLOCK_TICKS = 100; // USER_HZ on Linux

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, in seconds. */
  own: number;
  /** cutime + cstime (children already reaped), in seconds. */
  reaped: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    // The command name may hold spaces and parentheses: the fields start after the last ") ".
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(') ') + 2).split(' ');
    return {
      pid,
      ppid: Number(fields[1]),
      own: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
      reaped: (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS,
    };
  } catch {
    return null; // gone meanwhile
  }
}

function allStats(): ProcStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== null);
}

/** CPU seconds of a process and all its descendants (live ones, and those it has reaped). */
export function treeCpuSeconds(rootPid: number): number {
  const stats = allStats();
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const root = stats.find((s) => s.pid === rootPid);
  if (!root) return 0;
  let total = root.reaped;
  const queue = [root];
  while (queue.length > 0) {
    const stat = queue.pop()!;
    total += stat.own;
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return total;
}

/** The pid of the PostgreSQL postmaster listening on `port` (started by this run), or null. */
export function postmasterPid(port: number): number | null {
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      const at = args.indexOf('-p');
      if (args[0]?.endsWith('/postgres') && at >= 0 && args[at + 1] === String(port)) return Number(name);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** Busy and total CPU seconds of the whole machine so far (first line of /proc/stat). */
export function machineCpu(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
}

/** CPU seconds each part of the stack used since the meter started. */
export function cpuMeter(parts: Record<string, () => number>): () => Record<string, number> {
  const before = Object.fromEntries(Object.entries(parts).map(([name, read]) => [name, read()]));
  return () => Object.fromEntries(Object.entries(parts).map(([name, read]) => [name, read() - before[name]!]));
}

/** A meter's reading as a note; its `machine` part (machineCpu().busy) is compared with what the cores allow. */
export const cpuNote = (used: Record<string, number>, wall: number) =>
  `CPU s over ${wall.toFixed(0)} s wall: ` +
  Object.entries(used)
    .filter(([name]) => name !== 'machine')
    .map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`)
    .join(', ') +
  `; whole machine busy ${used['machine']!.toFixed(0)} of ${(availableParallelism() * wall).toFixed(0)} core-s (other users of the machine included)`;
