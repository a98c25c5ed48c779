export * from './queue-contracts.ts';
export * from './job-queues.ts';
export * from './sync-signals.ts';
export * from './sign-in-throttle.ts';
export * from './graph-holds.ts';
export * from './redis-settings.ts';
export * from './redis-connection.ts';
export * from './sync-health-counters.ts';
