/**
 * V8 settings every worker process starts with (`node ${WORKER_NODE_FLAGS} --import tsx
 * apps/worker/src/main.ts`): `npm start`, docker-compose, the benchmarks and the chaos run all
 * take them from here, and a test keeps docker-compose in step.
 *
 * A worker is long-running with a small live heap (~55 MB polling 10,000 mailboxes) and a high
 * allocation rate (~60 MB/s: Graph responses, SQL rows, queue commands). With V8's defaults it
 * let the young generation grow to 128 MB and the old generation to 4× the live heap between
 * collections, so one worker peaked at 430–450 MiB RSS. Capping the semi-space at 16 MB and old
 * generation growth at 1.5× keeps it near 210 MiB for about the same CPU (measured by `npm run
 * bench -- schedule`: 36–38 % of a core either way; a full collection then runs every few seconds
 * and takes ~8 ms).
 */
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=16', '--heap-growing-percent=50'] as const;
