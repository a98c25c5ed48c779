// `npm run chaos`: the fault-injection suite (issue 7) is not written yet. Until it is, this says
// so and fails, rather than passing with nothing run. What runs today inside `npm test`: a worker
// killed during a first sync (e2e/email-sync-crash.e2e.test.ts), forced 410 resyncs and replayed
// pages (e2e/email-sync.e2e.test.ts), throttling and 5xx handling (packages/graph-adapter).
console.error(
  'The chaos suite is not written yet (issue 7). Crash, resync and throttling cases run in `npm test`: ' +
    'e2e/email-sync-crash.e2e.test.ts, e2e/email-sync.e2e.test.ts, packages/graph-adapter.',
);
process.exit(2);
