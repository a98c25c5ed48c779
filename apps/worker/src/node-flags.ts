/**
 * V8 settings every worker process starts with (`node ${WORKER_NODE_FLAGS} --import tsx
 * apps/worker/src/main.ts`): `npm start`, docker-compose, the benchmarks and the chaos run all
 * take them from here, and a test keeps docker-compose in step.
 *
 * A worker is long-running with a small live heap (~55 MB polling 10,000 mailboxes) and a high
 * allocation rate. With V8's defaults it let the young generation grow to 128 MB and the old
 * generation to 4× the live heap between collections: one worker polling 10,000 mailboxes peaked
 * at 430–450 MiB RSS. A 32 MB semi-space and 2× old-generation growth keep it at ~270 MiB and
 * ~31 % of a core (`npm run bench -- schedule`). Tighter settings cost throughput where it
 * matters: 16 MB and 1.5× held polling at ~215 MiB but nearly doubled the workers' CPU in a first
 * sync (ingest 0.39× COPY instead of 0.61×); 32 MB and 1.5× gave 0.50×; these give 0.64×
 * (`npm run bench -- sync`).
 */
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=32', '--heap-growing-percent=100'] as const;
