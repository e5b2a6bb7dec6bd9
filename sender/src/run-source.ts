/**
 * Where a run's windows come from: a simulated population, whose first sessions are simulated
 * before traffic starts, or a replayed recording.
 */
import { readFile } from 'node:fs/promises';
import { OptionError } from './option-values/option-error.js';
import type { SenderOptions } from './options/sender-options.js';
import type { Output } from './progress/progress-line.js';
import { parseRecording } from './replay/read-recording.js';
import { replaySource } from './replay/replay-source.js';
import type { DeviceStream } from './traffic/device-stream.js';
import { WINDOW_PERIOD_S, type WindowSource } from './traffic/outgoing-window.js';
import {
  preparePopulation,
  simulatedPopulation,
  simulatedSource,
} from './traffic/simulated-source.js';
import { signalsJson } from './transport/encode-windows.js';

/** A run's windows: prepared before the clock starts, then opened at simulated second 0. */
export interface RunSource {
  /** Work done before traffic starts; resolves to the sessions simulated ahead. */
  prepare(output: Output, signal: AbortSignal): Promise<number>;
  open(runId: string, startMs: number): WindowSource;
}

/** Windows a run will send at most (count, duration), or undefined for an endless run. */
export function plannedWindows(o: SenderOptions): number | undefined {
  const byDuration =
    o.durationS === undefined
      ? Number.POSITIVE_INFINITY
      : Math.floor((o.durationS * o.speed * o.devices) / WINDOW_PERIOD_S);
  const planned = Math.min(o.count ?? Number.POSITIVE_INFINITY, byDuration);
  return Number.isFinite(planned) ? planned : undefined;
}

export async function openSource(o: SenderOptions): Promise<RunSource> {
  if (o.replay === undefined) {
    // A run with an end simulates only the windows it sends: device d of D sends windows
    // d, d + D, … below the planned count, and one window more is drawn to find that end (it
    // also covers rounding in the duration test). The sent windows are unchanged by this.
    const planned = plannedWindows(o);
    const wanted = planned === undefined ? undefined : (n: number) => n <= planned;
    const population = simulatedPopulation(o.seed, o.devices, wanted);
    return {
      prepare: (output, signal) => prepareSessions(population, o, output, signal),
      open: (runId, startMs) =>
        simulatedSource({ seed: o.seed, population, scenarios: o.scenarios, runId, startMs }),
    };
  }
  const text = await readFile(o.replay, 'utf8').catch((error: Error) => {
    throw new OptionError('--replay', `cannot read ${o.replay}: ${error.message}`);
  });
  try {
    const recording = parseRecording(text, o.replay);
    return {
      prepare: async () => 0,
      open: (runId, startMs) => replaySource(recording, runId, startMs),
    };
  } catch (error) {
    throw new OptionError('--replay', (error as Error).message);
  }
}

/** Simulates (and encodes) the devices' first sessions, saying so at the start and the end. */
async function prepareSessions(
  population: readonly DeviceStream[],
  o: SenderOptions,
  output: Output,
  signal: AbortSignal,
): Promise<number> {
  const start = performance.now();
  const sessions = await preparePopulation(population, {
    windows: plannedWindows(o),
    scenarios: o.scenarios,
    signal,
    // Printing a window's numbers costs as much as simulating it: done once, ahead, as well.
    onSession: (windows) => {
      for (const w of windows) signalsJson(w.signals);
    },
    onStart: (total) => {
      output.write(`simulating ${total} sessions of ${o.devices} devices before sending…\n`);
    },
  });
  if (sessions > 0) {
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    output.write(`${sessions} sessions ready in ${seconds} s\n`);
  }
  return sessions;
}
