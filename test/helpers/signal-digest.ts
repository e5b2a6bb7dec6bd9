/**
 * A digest of a window's signals, for tests that compare many windows: equal exactly when every
 * signal's bytes are, and a string comparison instead of a deep equality over every array index
 * (which cost seconds per file).
 */
import { createHash } from 'node:crypto';
import { SENSOR_SIGNALS, type SensorSignals } from '../../core/src/simulator/index.js';

export function signalsDigest(signals: SensorSignals): string {
  const hash = createHash('sha256');
  for (const name of SENSOR_SIGNALS) {
    const { buffer, byteOffset, byteLength } = signals[name];
    hash.update(name).update(new Uint8Array(buffer, byteOffset, byteLength));
  }
  return hash.digest('hex');
}
