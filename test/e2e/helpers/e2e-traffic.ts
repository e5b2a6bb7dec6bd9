/** The sender in-process against the test stack, remembering when the drift reached the stack. */
import {
  DEFAULT_OPTIONS,
  parseScenario,
  runSender,
  type SenderOptions,
  type Summary,
} from '../../../sender/src/index.js';
import { type E2eStack, WINDOW_EVENTS, WINDOWS_PER_S } from './e2e-stack.js';

export interface Traffic {
  /** Wall-clock ms at which the first drifted window was acknowledged, once it was. */
  onsetMs(): number | undefined;
  /** Stops sending; resolves with the sender's summary. */
  stop(): Promise<Summary>;
}

/**
 * One device per event of the drift window (one window each per window, so the window holds as
 * many different people as events, as the reference does) at WINDOWS_PER_S; sensor bias from
 * window `onsetWindows`; labels 1–2 simulated seconds late (3–7 s of wall-clock time at this
 * speed). At most `windows` windows in all: a run with an end simulates only the windows it
 * sends, where an endless one would simulate every device's whole session ahead.
 */
export function startTraffic(e2e: E2eStack, onsetWindows: number, windows: number): Traffic {
  const devices = WINDOW_EVENTS;
  const options: SenderOptions = {
    ...DEFAULT_OPTIONS,
    predictionUrl: e2e.predictionUrl,
    monitoringUrl: e2e.monitoringUrl,
    token: e2e.token,
    devices,
    count: windows,
    speed: (WINDOWS_PER_S * 151) / 50 / devices,
    scenarios: [parseScenario(`sensor-bias@${onsetWindows}w`)],
    labels: 'delayed',
    labelDelay: { minS: 1, maxS: 2 },
    pollIntervalS: 0,
  };
  let onset: number | undefined;
  const controller = new AbortController();
  const run = runSender(options, {
    signal: controller.signal,
    output: { write: () => undefined },
    onBatch: ({ windows, acknowledged }) => {
      if (onset !== undefined) return;
      if (windows.some((w) => w.active.length > 0 && acknowledged.has(w.windowId))) {
        onset = Date.now();
      }
    },
  });
  // Kept so that a failed run is reported by stop() rather than as an unhandled rejection.
  const settled = run.then(
    (summary) => ({ summary }),
    (error: unknown) => ({ error }),
  );
  return {
    onsetMs: () => onset,
    stop: async () => {
      controller.abort();
      const result = await settled;
      if ('error' in result) throw result.error;
      return result.summary;
    },
  };
}
