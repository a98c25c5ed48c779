export * from './queue-contracts.ts';
export * from './job-queues.ts';
export * from './sync-signals.ts';
export * from './sign-in-throttle.ts';
export * from './graph-holds.ts';
