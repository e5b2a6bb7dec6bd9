/** Windows cut from a recording, one device, sent in recording order. */
import { groupOf, TRANSITION } from '@driftwatch/core/simulator/index';
import {
  type OutgoingWindow,
  WINDOW_LENGTH,
  WINDOW_PERIOD_S,
  type WindowSource,
} from '../traffic/outgoing-window.js';
import type { Recording } from './read-recording.js';

/** Raw activity names become their group; group names (and anything else) pass unchanged. */
function asGroup(label: string): string {
  try {
    return groupOf(label);
  } catch {
    return label;
  }
}

function windowLabel(labels: string[] | undefined, start: number): string | undefined {
  if (!labels) return undefined;
  const seen = new Set(labels.slice(start, start + WINDOW_LENGTH).map(asGroup));
  seen.delete('');
  if (seen.size === 0) return undefined;
  return seen.size === 1 ? [...seen][0] : TRANSITION;
}

/** Number of whole windows in a recording of `samples` samples. */
export function replayWindowCount(samples: number): number {
  return Math.floor(samples / WINDOW_LENGTH);
}

export function replaySource(recording: Recording, runId: string, startMs: number): WindowSource {
  const total = replayWindowCount(recording.time.length);
  const t0 = recording.time[0] ?? 0;
  let index = 0;
  return {
    next(): OutgoingWindow | undefined {
      if (index >= total) return undefined;
      const n = index++;
      const start = n * WINDOW_LENGTH;
      const signals = {} as OutgoingWindow['signals'];
      for (const [name, values] of Object.entries(recording.signals)) {
        signals[name as keyof typeof signals] = values.slice(start, start + WINDOW_LENGTH);
      }
      const offsetS = recording.time[start]! - t0;
      return {
        index: n,
        windowId: `${runId}-replay-${n}`,
        deviceId: 'replay',
        dueS: (n + 1) * WINDOW_PERIOD_S,
        timestamp: new Date(startMs + offsetS * 1000).toISOString(),
        label: windowLabel(recording.labels, start),
        signals,
        active: ['replay'],
      };
    },
  };
}
