/** The monitoring service owns the event schema; its type is what the encoder writes. */
export type { EventInput as MonitoringEvent } from '../../../monitoring-service/src/http/api-types.js';

/** One predicted window, as the encoder reads it. */
export interface PredictedWindow {
  eventId: string;
  timestamp: string;
  /** Row-major float64 features in `featureNames` order; this window's row is `row`. */
  features: Float64Array;
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
): (window: PredictedWindow) => string {
  const featureKeys = featureNames.map(
    (name, i) => `${i === 0 ? '' : ','}${JSON.stringify(name)}:`,
  );
  const classKeys = classLabels.map((name, i) => `${i === 0 ? '' : ','}${JSON.stringify(name)}:`);
  const width = featureNames.length;
  const classes = classLabels.length;
  return (w) => {
    let features = '';
    for (let f = 0, at = w.row * width; f < width; f++) {
      features += featureKeys[f]! + numberText(w.features[at + f]!);
    }
    let probabilities = '';
    for (let c = 0, at = w.row * classes; c < classes; c++) {
      probabilities += classKeys[c]! + numberText(w.probabilities[at + c]!);
    }
    const label = w.label === undefined ? '' : `,"label":${JSON.stringify(w.label)}`;
    const metadata =
      w.deviceId === undefined ? '' : `,"metadata":{"deviceId":${JSON.stringify(w.deviceId)}}`;
    return `{"eventId":${JSON.stringify(w.eventId)},"timestamp":${JSON.stringify(w.timestamp)},"features":{${features}},"prediction":${JSON.stringify(w.prediction)},"probabilities":{${probabilities}}${label}${metadata}}`;
  };
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`event values must be finite, got ${value}`);
  return String(value);
}
