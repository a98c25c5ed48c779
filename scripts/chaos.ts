// `npm run chaos`: the fault-injection run (chaos/chaos-run.ts). Starts PostgreSQL, Redis, the API,
// two workers and an Exchange emulator; syncs 20,000 messages across 50 mailboxes while mail is
// delivered and 200 emails are sent through the API, and injects faults one kind at a time and
// then mixed; then compares the emulator with PostgreSQL and prints one table. Exits 1 when any
// count that must be zero is not. `npm run chaos -- --seed=7` replays another run's choices;
// `--reduced` runs the small variant of `npm test`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startEmulator } from '@mailroom/exchange-emulator';
import { z } from 'zod';
import { chaosConfig } from '../chaos/chaos-config.ts';
import { formatReport, failures } from '../chaos/chaos-report.ts';
import { FULL, REDUCED } from '../chaos/chaos-profiles.ts';
import { runChaos } from '../chaos/chaos-run.ts';
import { emulatorHandle } from '../chaos/chaos-stack.ts';
import { startEmulatorProcess } from '../tooling/emulator-process.ts';
import { ROOT } from './root.ts';

const args = z
  .object({ seed: z.coerce.number().int().default(20261127), reduced: z.stringbool().default(false) })
  .parse(
    Object.fromEntries(
      process.argv.slice(2).map((arg) => {
        const [name, value = 'true'] = arg.replace(/^--/, '').split('=');
        return [name, value];
      }),
    ),
  );

// The emulator's CA lives in .data/chaos/emulator. Node reads NODE_EXTRA_CA_CERTS only at
// start-up, so create the CA first and run the chaos in a child process that trusts it.
const DATA = join(ROOT, '.data', 'chaos');
if (!chaosConfig.dataDir) {
  const emulator = await startEmulator({ port: 0, dataDir: join(DATA, 'emulator') });
  await emulator.stop();
  const child = spawnSync(process.execPath, ['--import', 'tsx', ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: chaosConfig.childEnv({ MAILROOM_CHAOS_DATA: DATA, NODE_EXTRA_CA_CERTS: emulator.caCertPath }),
  });
  process.exit(child.status ?? 1);
}

// Ctrl-C: exit, so the run's servers and processes are killed on the way out (chaos/chaos-stack.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
const emulator = await startEmulatorProcess(chaosConfig.dataDir, chaosConfig.childEnv({}));
process.once('exit', () => {
  try {
    process.kill(emulator.pid, 'SIGKILL');
  } catch {
    // already stopped
  }
});
const started = Date.now();
try {
  const report = await runChaos(emulatorHandle(emulator.url), {
    ...(args.reduced ? REDUCED : FULL),
    seed: args.seed,
    log: (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`),
  });
  console.log('');
  console.log(formatReport(report));
  if (failures(report).length > 0) process.exitCode = 1;
} finally {
  await emulator.stop();
}
