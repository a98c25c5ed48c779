// `npm run bench`: runs every bench/*.bench.ts (each exports a Bench) against real processes and
// prints one table — figure, value, target, reference measured in the same run, ratio, result —
// and writes it to bench/results/latest.json. `npm run bench -- emulator` runs only that one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '@mailroom/exchange-emulator';
import { benchConfig } from '../bench/bench-config.ts';
import { machine, printTable, type Bench, type BenchRow } from '../bench/bench-table.ts';
import { ROOT } from './root.ts';

// Benchmarks talk HTTPS to emulators whose CA lives in .data/bench/emulator. Node reads
// NODE_EXTRA_CA_CERTS only at start-up, so create the CA first and run the benchmarks in a
// child process that trusts it.
const BENCH_DATA = join(ROOT, '.data', 'bench');
if (!benchConfig.dataDir) {
  const emulator = await startEmulator({ port: 0, dataDir: join(BENCH_DATA, 'emulator') });
  await emulator.stop();
  const child = spawnSync(process.execPath, ['--import', 'tsx', ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: benchConfig.childEnv({ MAILROOM_BENCH_DATA: BENCH_DATA, NODE_EXTRA_CA_CERTS: emulator.caCertPath }),
  });
  process.exit(child.status ?? 1);
}

const only = process.argv[2];
const files = readdirSync(join(ROOT, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only));
const rows: BenchRow[] = [];
console.log(`Machine: ${machine()}`);
for (const file of files) {
  const module = (await import(join(ROOT, 'bench', file))) as Record<string, Bench>;
  for (const bench of Object.values(module)) {
    console.log(`running ${bench.name}…`);
    rows.push(...(await bench.run()));
  }
}
console.log('');
printTable(rows);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench', 'results', 'latest.json'),
  JSON.stringify({ machine: machine(), at: new Date().toISOString(), rows }, null, 2),
);
if (rows.some((row) => row.pass === false)) process.exitCode = 1;
