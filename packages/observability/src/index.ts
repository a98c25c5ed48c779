export * from './metrics.ts';
export * from './job-span.ts';
