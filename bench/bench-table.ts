import { cpus, totalmem } from 'node:os';

/** One figure of `npm run bench`: its value, its target and a reference measured in the same run. */
export interface BenchRow {
  figure: string;
  value: number;
  unit: string;
  /** Human statement of the target, e.g. "≥ 1,000 msg/s". */
  target: string;
  /** Whether the value meets the target; null when the figure is informative only. */
  pass: boolean | null;
  reference?: { label: string; value: number };
  note?: string;
}

export interface Bench {
  name: string;
  run(): Promise<BenchRow[]>;
}

export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

export function printTable(rows: BenchRow[]): void {
  const lines = rows.map((row) => [
    row.figure,
    `${fmt(row.value)} ${row.unit}`,
    row.target,
    row.reference ? `${fmt(row.reference.value)} ${row.unit} (${row.reference.label})` : '—',
    row.reference && row.reference.value !== 0 ? `${(row.value / row.reference.value).toFixed(2)}×` : '—',
    row.pass === null ? 'info' : row.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['figure', 'value', 'target', 'reference (same run)', 'ratio', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const print = (cells: string[]) => console.log(cells.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  print(header);
  print(widths.map((w) => '-'.repeat(w)));
  for (const line of lines) print(line);
  for (const row of rows.filter((r) => r.note)) console.log(`  ${row.figure}: ${row.note}`);
}

/** Nearest-rank percentile (p in 0..1) of measurements in any order; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1]!;
}

/** Median of repeated measurements. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
