/** The monitoring service owns the event schema; its type is what the encoder writes. */
export type { EventInput as MonitoringEvent } from '@driftwatch/core/contract/event-records';

/** One predicted window, as the encoder reads it. */
export interface PredictedWindow {
  eventId: string;
  timestamp: string;
  /** Row-major float64 features in `featureNames` order; this window's row is `row`. */
  features: Float64Array;
  /** Row-major float64 monitored-only values in `monitoredNames` order (same `row`). */
  monitored: Float64Array;
  prediction: string;
  /** Row-major probabilities in `classLabels` order. */
  probabilities: Float32Array;
  row: number;
  label?: string;
  deviceId?: string;
}

/**
 * Returns a function that writes one event as JSON text. Built by hand from precomputed key
 * prefixes because it runs once per window on the /predict path; numbers print as JSON.stringify
 * would (shortest round-trip form), so the float64 features arrive bit-exact.
 */
export function createEventEncoder(
  featureNames: readonly string[],
  classLabels: readonly string[],
  monitoredNames: readonly string[],
): (window: PredictedWindow) => string {
  const features = objectEncoder(featureNames);
  const probabilities = objectEncoder(classLabels);
  const monitored = objectEncoder(monitoredNames);
  return (w) => {
    const values = `"features":{${features(w.features, w.row)}}`;
    const extra =
      monitoredNames.length === 0 ? '' : `,"monitored":{${monitored(w.monitored, w.row)}}`;
    const label = w.label === undefined ? '' : `,"label":${JSON.stringify(w.label)}`;
    const metadata =
      w.deviceId === undefined ? '' : `,"metadata":{"deviceId":${JSON.stringify(w.deviceId)}}`;
    return `{"eventId":${JSON.stringify(w.eventId)},"timestamp":${JSON.stringify(w.timestamp)},${values}${extra},"prediction":${JSON.stringify(w.prediction)},"probabilities":{${probabilities(w.probabilities, w.row)}}${label}${metadata}}`;
  };
}

/** Writes row `row` of a row-major matrix as the members of a JSON object keyed by `names`. */
function objectEncoder(
  names: readonly string[],
): (matrix: ArrayLike<number>, row: number) => string {
  const keys = names.map((name, i) => `${i === 0 ? '' : ','}${JSON.stringify(name)}:`);
  const width = names.length;
  return (matrix, row) => {
    let text = '';
    for (let i = 0, at = row * width; i < width; i++)
      text += keys[i]! + numberText(matrix[at + i]!);
    return text;
  };
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`event values must be finite, got ${value}`);
  return String(value);
}
