// The reduced chaos run of `npm test` (the full one is `npm run chaos`): the same stack, workload,
// faults and comparison, on 4 mailboxes with 3-second fault windows. Its own PostgreSQL server and
// redis-server (the run crashes and restarts them) and its own emulator.
import { startEmulator, type RunningEmulator } from '@mailroom/exchange-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { failures, formatReport, type ChaosReport } from '../chaos/chaos-report.ts';
import { REDUCED } from '../chaos/chaos-profiles.ts';
import { runChaos } from '../chaos/chaos-run.ts';
import { emulatorHandle } from '../chaos/chaos-stack.ts';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataDir: inject('emulatorDataDir'), scenario: 'empty' });
});
afterAll(async () => {
  await emulator?.stop();
});

describe('chaos (reduced)', () => {
  it('loses, duplicates and over-sends nothing while processes die and Exchange misbehaves', async () => {
    const log: string[] = [];
    const report: ChaosReport = await runChaos(emulatorHandle(emulator.url), {
      ...REDUCED,
      seed: 11,
      log: (line) => log.push(line), // shown when the run fails
    });
    const table = `${formatReport(report)}\n\nrun log:\n${log.join('\n')}`;
    expect(failures(report), table).toEqual([]);
    // Every fault of the schedule really happened, and the workload really ran.
    for (const fault of report.faults) expect(fault.injected, `${fault.name}\n${table}`).toBeGreaterThan(0);
    expect(report.messages.expected).toBeGreaterThan(500);
    expect(report.messages.found).toBe(report.messages.expected);
    expect(report.deliveries).toBeGreaterThan(20);
    expect(report.sends).toMatchObject({ requested: 16, sentInExchange: 16 });
  }, 240_000);
});
