// What the workers' logs say about mailbox sync runs, and the one property they must show: no
// mailbox is ever held by two runs at once. The records come from MailboxSyncRunner's `onRun`,
// which a worker logs at debug level as 'mailbox sync run' (see SyncRunRecord for what `at` means).
import type { SyncRunRecord } from '@mailroom/domain';

/** A record as a worker logs it: the runner's record and the worker's id (`host:pid`). */
export type LoggedSyncRun = SyncRunRecord & { workerId: string };

/** One run's tenure of a mailbox: `endedAt` null while nothing says it ended (taken as still running). */
export interface SyncRun {
  runId: string;
  mailboxId: string;
  workerId: string;
  startedAt: number;
  endedAt: number | null;
  /** How it ended, if it did. */
  ending: 'finished' | 'lost-lease' | null;
  result: string | null;
}

/** The sync run records in a process's output (pino JSON lines; anything else is skipped). */
export function syncRunRecords(output: string): LoggedSyncRun[] {
  const records: LoggedSyncRun[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{') || !line.includes('"mailbox sync run"')) continue;
    const entry = JSON.parse(line) as Partial<LoggedSyncRun> & { msg?: string };
    if (entry.msg !== 'mailbox sync run') continue;
    records.push(entry as LoggedSyncRun);
  }
  return records;
}

/** Pairs each run's start with its end. An end without its start (a line lost with its process) is ignored. */
export function syncRuns(records: readonly LoggedSyncRun[]): SyncRun[] {
  const runs = new Map<string, SyncRun>();
  for (const record of records) {
    if (record.event !== 'started') continue;
    runs.set(record.runId, {
      runId: record.runId,
      mailboxId: record.mailboxId,
      workerId: record.workerId,
      startedAt: record.at,
      endedAt: null,
      ending: null,
      result: null,
    });
  }
  for (const record of records) {
    const run = runs.get(record.runId);
    if (record.event === 'started' || !run) continue;
    run.endedAt = record.at;
    run.ending = record.event;
    run.result = record.result;
  }
  return [...runs.values()];
}

/**
 * Every pair of runs that held the same mailbox at the same time: their intervals share more than
 * an instant (a run that ends at the millisecond the next one starts is a hand-over, not an
 * overlap). A run that has not ended overlaps every run of its mailbox that started after it.
 */
export function overlappingRuns(runs: readonly SyncRun[]): [SyncRun, SyncRun][] {
  const byMailbox = new Map<string, SyncRun[]>();
  for (const run of runs) byMailbox.set(run.mailboxId, [...(byMailbox.get(run.mailboxId) ?? []), run]);
  const overlaps: [SyncRun, SyncRun][] = [];
  for (const list of byMailbox.values()) {
    list.sort((a, b) => a.startedAt - b.startedAt);
    for (let i = 0; i < list.length; i += 1) {
      const earlier = list[i]!;
      const end = earlier.endedAt ?? Number.POSITIVE_INFINITY;
      for (let j = i + 1; j < list.length && list[j]!.startedAt < end; j += 1) overlaps.push([earlier, list[j]!]);
    }
  }
  return overlaps;
}

/** One line per overlap, for a failing assertion's message. */
export const describeOverlap = ([a, b]: [SyncRun, SyncRun]): string =>
  `mailbox ${a.mailboxId}: ${a.workerId} ${a.runId} [${a.startedAt}, ${a.endedAt ?? '…'}] and ` +
  `${b.workerId} ${b.runId} [${b.startedAt}, ${b.endedAt ?? '…'}]`;
