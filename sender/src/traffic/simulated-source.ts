/**
 * Windows of a simulated population: `devices` wearers streaming concurrently, their windows
 * interleaved in the order they complete. Device d's k-th window completes at simulated second
 * (k·D + d + 1)·P/D, so the population as a whole produces D windows every P = 3.02 s.
 */
import { CONCEPT_SWAP } from '../scenarios/catalogue.js';
import type { ScenarioEffect } from '../scenarios/scenario-effect.js';
import { effectAt, type ScheduledScenario } from '../scenarios/scenario-schedule.js';
import type { SimulatedWindow } from '@driftwatch/core/simulator/index';
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
  /** The wearers, from `simulatedPopulation` (possibly prepared). */
  readonly population: readonly DeviceStream[];
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

/**
 * The `devices` places of a run's fleet with this seed. `wanted(n)` says whether the run's n-th
 * window will be looked at (default: every one); the others are not simulated, and their
 * signals are meaningless.
 */
export function simulatedPopulation(
  seed: number,
  devices: number,
  wanted?: (n: number) => boolean,
): DeviceStream[] {
  return Array.from(
    { length: devices },
    (_, d) =>
      new DeviceStream(seed, d, devices, WINDOW_LENGTH, wanted && ((k) => wanted(k * devices + d))),
  );
}

/** What `preparePopulation` is told: how much of the run to prepare for, and where to report. */
export interface PreparePlan {
  /** Windows the run will send at most; undefined for a run without an end. */
  readonly windows: number | undefined;
  readonly scenarios: readonly ScheduledScenario[];
  /** Called once with the number of sessions to simulate, when there are any. */
  readonly onStart?: (total: number) => void;
  /** Called with each session's windows, then with the number done and the total. */
  readonly onSession?: (windows: readonly SimulatedWindow[]) => void;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Simulates, before traffic starts, the first session of each device that the run will reach:
 * otherwise all of them are simulated in the run's first seconds, when every device starts, and
 * the first minutes go at a fraction of the long-run rate. Later sessions start one device at a
 * time and are simulated then. Skipped when a scenario is in force from the first window (those
 * windows are simulated with its effect anyway). Yields to the event loop between sessions and
 * stops early when `signal` aborts. Resolves to the sessions simulated.
 */
export async function preparePopulation(
  population: readonly DeviceStream[],
  plan: PreparePlan,
): Promise<number> {
  if (effectAt(plan.scenarios, { index: 0, seconds: 0 }).active.length > 0) return 0;
  keepMotionsFor(population, plan.scenarios);
  // Device d sends windows d, d + D, d + 2D, … of the run: only those it reaches need a session.
  const reached = population.filter((_, d) => plan.windows === undefined || d < plan.windows);
  const total = reached.length;
  if (total > 0) plan.onStart?.(total);
  let done = 0;
  for (const device of reached) {
    if (plan.signal?.aborted) break;
    plan.onSession?.(device.prepare());
    done++;
    plan.onProgress?.(done, total);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return done;
}

/**
 * How many rounds (one window per device) ahead of a scenario's start a device simulates its
 * session under it: LEAD_ROUNDS plus its index modulo LEAD_SPREAD, so that the devices do it
 * over several rounds rather than all in the round where the scenario starts.
 */
const LEAD_ROUNDS = 2;
const LEAD_SPREAD = 6;

/** Devices of a run with a scenario keep their baseline motion for its onset (DeviceStream). */
function keepMotionsFor(
  population: readonly DeviceStream[],
  scenarios: readonly ScheduledScenario[],
): void {
  if (scenarios.length === 0) return;
  for (const device of population) device.keepBaselineMotion = true;
}

export function simulatedSource(o: SimulatedSourceOptions): WindowSource {
  keepMotionsFor(o.population, o.scenarios);
  const devices = o.population;
  const count = devices.length;
  const dueOf = (n: number) => ((n + 1) * WINDOW_PERIOD_S) / count;
  const effectOf = (n: number) => effectAt(o.scenarios, { index: n, seconds: dueOf(n) });
  /**
   * A change of effect coming to device d within its lead, and settled there (not mid-ramp, where
   * every window differs): the device simulates its session under it now, between windows.
   */
  const prepareComing = (n: number, d: number, now: ScenarioEffect) => {
    const ahead = n + (LEAD_ROUNDS + (d % LEAD_SPREAD)) * count;
    const coming = effectOf(ahead).effect;
    const text = JSON.stringify(coming);
    if (text === JSON.stringify(now) || text !== JSON.stringify(effectOf(ahead + count).effect)) {
      return;
    }
    devices[d]!.prepareEffect(coming);
  };
  let index = 0;
  return {
    next(): OutgoingWindow {
      const n = index++;
      const d = n % count;
      const k = Math.floor(n / count);
      const dueS = dueOf(n);
      const { effect, active } = effectOf(n);
      const { signals, label } = devices[d]!.nextWindow(effect);
      if (o.scenarios.length > 0) prepareComing(n, d, effect);
      const swap = unitDraw(o.seed, 'concept', n) < effect.swapShare;
      return {
        index: n,
        windowId: `${o.runId}-d${d}-${k}`,
        deviceId: devices[d]!.deviceId!,
        dueS,
        timestamp: new Date(o.startMs + (dueS - WINDOW_PERIOD_S) * 1000).toISOString(),
        label: swap ? swapped(label) : label,
        signals,
        active,
      };
    },
  };
}
