/** The runs of the quick evaluation tests: one seed and label delay, the rest per case. */
import type { RunSpec } from './run-spec.js';

export const quickSpec = (
  scenario: string,
  devices: number,
  durationS: number,
  onsetS: number | null,
): RunSpec => ({
  id: `${scenario}-${devices}`,
  scenario,
  devices,
  seed: 4242,
  durationS,
  onsetS,
  labelDelayS: 30,
});
