/**
 * Which runs an evaluation makes. The full plan: drift-free traffic for six independent hours
 * at 20 and at 200 devices and one hour at 1000; every scenario of the catalogue at 200 and at
 * 20 devices, starting after 10 simulated minutes and watched for 15 more. `--quick` makes one
 * short run per fleet size and scenario. Every run has its own seed, derived from the
 * evaluation's seed, so runs are independent and the whole plan repeats exactly.
 */
import { SCENARIOS } from '../../sender/src/scenarios/catalogue.js';
import type { RunSpec } from './run-spec.js';

export interface PlanOptions {
  readonly quick: boolean;
  readonly seed: number;
  /** Only these fleet sizes (default: 20, 200 and, for `none`, 1000). */
  readonly devices?: readonly number[];
  /** Only these scenarios (default: all of the catalogue). */
  readonly scenarios?: readonly string[];
  /** Simulated hours of each `none` run (default 1; with --quick 10, 5 and 3 minutes). */
  readonly hours?: number;
  readonly labelDelayS: number;
}

const DRIFT_FLEETS = [200, 20];
const NONE_FLEETS: Record<number, number> = { 20: 6, 200: 6, 1000: 1 };
/** Short enough for two minutes on two cores, long enough to turn the window over many times. */
const QUICK_NONE_S: Record<number, number> = { 20: 600, 200: 300, 1000: 180 };

export function planRuns(o: PlanOptions): RunSpec[] {
  const scenarios = o.scenarios ?? SCENARIOS.map((s) => s.name);
  const onsetS = o.quick ? 120 : 600;
  const afterS = o.quick ? 180 : 900;
  const noneS = (devices: number) =>
    o.hours !== undefined ? o.hours * 3600 : o.quick ? QUICK_NONE_S[devices]! : 3600;
  const runs: RunSpec[] = [];
  let k = 0;
  const add = (
    scenario: string,
    devices: number,
    durationS: number,
    onset: number | null,
    id: string,
  ) =>
    runs.push({
      id,
      scenario,
      devices,
      seed: (o.seed * 1_000_003 + ++k * 7919) >>> 0,
      durationS,
      onsetS: onset,
      labelDelayS: o.labelDelayS,
    });
  for (const scenario of scenarios) {
    if (scenario === 'none') {
      for (const [fleet, hours] of Object.entries(NONE_FLEETS)) {
        const devices = Number(fleet);
        if (o.devices && !o.devices.includes(devices)) continue;
        const repeats = o.quick ? 1 : hours;
        for (let r = 0; r < repeats; r++)
          add('none', devices, noneS(devices), null, `none-${devices}-h${r + 1}`);
      }
      continue;
    }
    for (const devices of o.devices ?? DRIFT_FLEETS) {
      add(scenario, devices, onsetS + afterS, onsetS, `${scenario}-${devices}`);
    }
  }
  return runs;
}
