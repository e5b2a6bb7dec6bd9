/**
 * Request bodies for POST /predict in the service's window format (docs/contracts.md). Written by hand:
 * it runs for every window, and Float64Array.join already prints the shortest exact decimals.
 */
import type { OutgoingWindow } from '../traffic/outgoing-window.js';
import { SENSOR_SIGNALS, type SensorSignals } from '@driftwatch/core/simulator/index';

/**
 * The `signals` object as JSON bytes, kept with the signals it was made from: simulated sessions
 * are replayed many times and their arrays are never changed after simulation, so each is
 * printed once (printing ~900 numbers is most of the cost of a window). Bytes, not a string:
 * a body assembled from strings is flattened and encoded to UTF-8 again on every request.
 * Exported so that sessions simulated ahead can be printed ahead too.
 */
const encodedSignals = new WeakMap<SensorSignals, Buffer>();

export function signalsJson(signals: SensorSignals): Buffer {
  let bytes = encodedSignals.get(signals);
  if (bytes !== undefined) return bytes;
  let json = '';
  for (const name of SENSOR_SIGNALS) {
    json += `${json === '' ? '{' : ','}"${name}":[${signals[name].join(',')}]`;
  }
  bytes = Buffer.from(`${json}}}`, 'latin1');
  encodedSignals.set(signals, bytes);
  return bytes;
}

/** Everything of a window before its signals; the signals' bytes close the window's object. */
function windowHead(w: OutgoingWindow, inlineLabel: boolean): string {
  const label = inlineLabel && w.label !== undefined ? `,"label":${JSON.stringify(w.label)}` : '';
  return `{"windowId":${JSON.stringify(w.windowId)},"deviceId":${JSON.stringify(w.deviceId)},"timestamp":"${w.timestamp}"${label},"signals":`;
}

/** One window as a single-window body, several as `{ "windows": [...] }`. O(bytes). */
export function encodePredictBody(
  windows: readonly OutgoingWindow[],
  inlineLabel: boolean,
): Buffer {
  const single = windows.length === 1;
  const parts: Buffer[] = [];
  windows.forEach((w, i) => {
    const open = single ? '' : i === 0 ? '{"windows":[' : ',';
    parts.push(Buffer.from(open + windowHead(w, inlineLabel), 'utf8'), signalsJson(w.signals));
  });
  if (!single) parts.push(Buffer.from(']}'));
  return Buffer.concat(parts);
}

/** The windowIds a /predict answer acknowledges. */
export function acknowledgedIds(body: unknown): Set<string> {
  const predictions = (body as { predictions?: { windowId?: unknown }[] } | undefined)?.predictions;
  const ids = new Set<string>();
  if (!Array.isArray(predictions)) return ids;
  for (const p of predictions) if (typeof p?.windowId === 'string') ids.add(p.windowId);
  return ids;
}
