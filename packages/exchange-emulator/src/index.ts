export { DEMO_TENANT } from './scenarios/tenant.scenario.ts';
export type { EmulatorOptions } from './emulator.options.ts';
export { startEmulator, type RunningEmulator } from './emulator.server.ts';
