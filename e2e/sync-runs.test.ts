import { describe, expect, it } from 'vitest';
import { overlappingRuns, syncRunRecords, syncRuns, type LoggedSyncRun, type SyncRun } from './sync-runs.ts';

const run = (
  runId: string,
  workerId: string,
  startedAt: number,
  endedAt: number | null,
  mailboxId = 'm1',
): SyncRun => ({
  runId,
  mailboxId,
  workerId,
  startedAt,
  endedAt,
  ending: endedAt === null ? null : 'finished',
  result: endedAt === null ? null : 'SYNCED',
});

describe('sync runs from worker logs', () => {
  it('finds two workers holding one mailbox at once', () => {
    const a = run('a', 'host:1', 100, 200);
    const b = run('b', 'host:2', 150, 300);
    expect(overlappingRuns([b, a])).toEqual([[a, b]]);
  });

  it('finds a run inside another, and two runs of one worker at once', () => {
    const outer = run('a', 'host:1', 100, 500);
    const inner = run('b', 'host:2', 200, 300);
    const again = run('c', 'host:1', 400, 450);
    expect(overlappingRuns([outer, inner, again])).toEqual([
      [outer, inner],
      [outer, again],
    ]);
  });

  it('takes a run that never ended as still holding its mailbox', () => {
    const crashed = run('a', 'host:1', 100, null);
    const later = run('b', 'host:2', 10_000, 10_500);
    expect(overlappingRuns([crashed, later])).toEqual([[crashed, later]]);
  });

  it('accepts hand-overs at the same millisecond, runs one after another and runs of other mailboxes', () => {
    expect(
      overlappingRuns([
        run('a', 'host:1', 100, 200),
        run('b', 'host:2', 200, 300),
        run('c', 'host:3', 300, 300),
        run('d', 'host:1', 301, 400),
        run('e', 'host:2', 150, 350, 'm2'),
      ]),
    ).toEqual([]);
  });

  it('reads the records out of pino output and pairs each start with its end', () => {
    const line = (record: LoggedSyncRun) =>
      JSON.stringify({ level: 20, time: record.at, name: 'worker', jobId: 'j', ...record, msg: 'mailbox sync run' });
    const output = [
      '{"level":30,"msg":"worker ready"}',
      line({ event: 'started', mailboxId: 'm1', runId: 'incoming:a', at: 100, workerId: 'host:1' }),
      line({ event: 'started', mailboxId: 'm2', runId: 'incoming:b', at: 120, workerId: 'host:1' }),
      'not a log line',
      line({ event: 'lost-lease', mailboxId: 'm1', runId: 'incoming:a', at: 110, result: 'BUSY', workerId: 'host:1' }),
      line({ event: 'finished', mailboxId: 'm9', runId: 'incoming:z', at: 90, result: 'SYNCED', workerId: 'host:1' }),
      '',
    ].join('\n');
    const records = syncRunRecords(output);
    expect(records.map((r) => r.event)).toEqual(['started', 'started', 'lost-lease', 'finished']);
    expect(syncRuns(records)).toEqual([
      {
        runId: 'incoming:a',
        mailboxId: 'm1',
        workerId: 'host:1',
        startedAt: 100,
        endedAt: 110,
        ending: 'lost-lease',
        result: 'BUSY',
      },
      {
        runId: 'incoming:b',
        mailboxId: 'm2',
        workerId: 'host:1',
        startedAt: 120,
        endedAt: null,
        ending: null,
        result: null,
      },
    ]);
  });
});
