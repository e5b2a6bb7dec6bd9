/**
 * Request bodies for POST /predict in the service's window format (DESIGN §4). Written by hand:
 * it runs for every window, and Float64Array.join already prints the shortest exact decimals.
 */
import type { OutgoingWindow } from '../traffic/outgoing-window.js';
import { SENSOR_SIGNALS } from '../simulator/index.js';

function encodeWindow(w: OutgoingWindow, inlineLabel: boolean): string {
  let signals = '';
  for (const name of SENSOR_SIGNALS) {
    signals += `${signals === '' ? '' : ','}"${name}":[${w.signals[name].join(',')}]`;
  }
  const label = inlineLabel && w.label !== undefined ? `,"label":${JSON.stringify(w.label)}` : '';
  return `{"windowId":${JSON.stringify(w.windowId)},"deviceId":${JSON.stringify(w.deviceId)},"timestamp":"${w.timestamp}"${label},"signals":{${signals}}}`;
}

/** One window as a single-window body, several as `{ "windows": [...] }`. */
export function encodePredictBody(
  windows: readonly OutgoingWindow[],
  inlineLabel: boolean,
): string {
  const encoded = windows.map((w) => encodeWindow(w, inlineLabel));
  return encoded.length === 1 ? encoded[0]! : `{"windows":[${encoded.join(',')}]}`;
}

/** The windowIds a /predict answer acknowledges. */
export function acknowledgedIds(body: unknown): Set<string> {
  const predictions = (body as { predictions?: { windowId?: unknown }[] } | undefined)?.predictions;
  const ids = new Set<string>();
  if (!Array.isArray(predictions)) return ids;
  for (const p of predictions) if (typeof p?.windowId === 'string') ids.add(p.windowId);
  return ids;
}
