/**
 * Windows of a simulated population: `devices` wearers streaming concurrently, their windows
 * interleaved in the order they complete. Device d's k-th window completes at simulated second
 * (k·D + d + 1)·P/D, so the population as a whole produces D windows every P = 3.02 s.
 */
import { CONCEPT_SWAP } from '../scenarios/catalogue.js';
import { effectAt, type ScheduledScenario } from '../scenarios/scenario-schedule.js';
import { DeviceStream } from './device-stream.js';
import {
  type OutgoingWindow,
  unitDraw,
  WINDOW_LENGTH,
  WINDOW_PERIOD_S,
  type WindowSource,
} from './outgoing-window.js';

export interface SimulatedSourceOptions {
  readonly seed: number;
  readonly devices: number;
  readonly scenarios: readonly ScheduledScenario[];
  /** Prefix of window ids, unique per run so a rerun is not taken for duplicates. */
  readonly runId: string;
  /** Epoch milliseconds of simulated second 0. */
  readonly startMs: number;
}

function swapped(label: string): string {
  const [a, b] = CONCEPT_SWAP;
  return label === a ? b : label === b ? a : label;
}

export function simulatedSource(o: SimulatedSourceOptions): WindowSource {
  const devices = Array.from(
    { length: o.devices },
    (_, d) => new DeviceStream(o.seed, d, o.devices, WINDOW_LENGTH),
  );
  let index = 0;
  return {
    next(): OutgoingWindow {
      const n = index++;
      const d = n % o.devices;
      const k = Math.floor(n / o.devices);
      const dueS = ((n + 1) * WINDOW_PERIOD_S) / o.devices;
      const { effect, active } = effectAt(o.scenarios, { index: n, seconds: dueS });
      const { signals, label } = devices[d]!.nextWindow(effect);
      const swap = unitDraw(o.seed, 'concept', n) < effect.swapShare;
      return {
        index: n,
        windowId: `${o.runId}-d${d}-${k}`,
        deviceId: `device-${d}`,
        dueS,
        timestamp: new Date(o.startMs + (dueS - WINDOW_PERIOD_S) * 1000).toISOString(),
        label: swap ? swapped(label) : label,
        signals,
        active,
      };
    },
  };
}
