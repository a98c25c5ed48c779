// `npm run bench`: runs every bench/*.bench.ts and prints one table. The benchmarks themselves
// arrive with the issues that name figures (emulator throughput first).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './root.ts';

const benches = readdirSync(join(ROOT, 'bench')).filter((f) => f.endsWith('.bench.ts'));
if (benches.length === 0) {
  console.log('No benchmarks yet: bench/ has no *.bench.ts files.');
} else {
  for (const file of benches) await import(join(ROOT, 'bench', file));
}
