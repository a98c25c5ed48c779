import type { EmulatorState } from '../state/emulator.state.ts';
import { demoState, emptyState } from './demo.scenario.ts';
import { scaleState, type ScaleOptions } from './scale.scenario.ts';

export type ScenarioSpec = { scenario: 'demo' } | { scenario: 'empty' } | ({ scenario: 'scale' } & ScaleOptions);

export function buildScenario(spec: ScenarioSpec, deltaTtlMs: () => number): EmulatorState {
  switch (spec.scenario) {
    case 'demo':
      return demoState(deltaTtlMs);
    case 'empty':
      return emptyState(deltaTtlMs);
    case 'scale':
      return scaleState(spec, deltaTtlMs);
  }
}
