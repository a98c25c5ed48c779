export * from './queue-contracts.ts';
export * from './job-queues.ts';
