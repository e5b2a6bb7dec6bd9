/** Seeded synthetic tables for the drift bench: 65 features of varied shapes and a class column. */
import type { DriftTable } from '../../core/src/drift/engine-api.js';
import { createRng } from '../../core/src/random/prng.js';

export const FEATURES = Array.from({ length: 65 }, (_, i) => `feature_${i}`);
export const CLASSES = [
  'Bicep Curl',
  'Crunch',
  'Junk',
  'Lateral Raise',
  'Push-up',
  'Squat',
  'Transition',
];

/** Seeded uniform generator on [0, 1) for the bench tables. */
export const uniformSource = (seed: number) => createRng(seed).next;

export interface Sample {
  columns: Float64Array[];
  table: DriftTable;
  /** Index into the class list per row, for the scipy loop. */
  predictionCodes: Uint8Array;
}

/** One third each: rounded normals (many ties), scaled normals, exponential plus noise. */
function featureValue(feature: number, z: number, uniform: () => number): number {
  switch (feature % 3) {
    case 0:
      return Math.round(2 * z);
    case 1:
      return z * (1 + feature / 10);
    default:
      return -Math.log(1 - uniform()) + z * 0.1;
  }
}

/** A table of `rows` rows; `shift` moves every fifth feature and skews the predictions. */
export function synthesise(rows: number, uniform: () => number, shift: number): Sample {
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const columns = FEATURES.map((_, f) =>
    Float64Array.from({ length: rows }, () =>
      featureValue(f, normal() + (f % 5 === 0 ? shift : 0), uniform),
    ),
  );
  const predictionCodes = Uint8Array.from({ length: rows }, () =>
    Math.floor(uniform() ** (1 + shift) * CLASSES.length),
  );
  const prediction = Array.from(predictionCodes, (c) => CLASSES[c]!);
  const relabel = () => CLASSES[Math.floor(uniform() * CLASSES.length)]!;
  // A quarter of the rows have no label yet; 80 % of the rest are predicted right.
  const target = prediction.map((label, r) =>
    r % 4 === 0 ? null : uniform() < 0.8 ? label : relabel(),
  );
  const features = Object.fromEntries(FEATURES.map((name, f) => [name, columns[f]!]));
  return { columns, table: { rowCount: rows, features, prediction, target }, predictionCodes };
}

/** Row-major float64 bytes of the samples' feature columns, as numpy.fromfile reads them. */
export function rowMajor(samples: readonly Sample[]): Buffer {
  const width = FEATURES.length;
  const parts = samples.map(({ columns, table }) => {
    const out = new Float64Array(table.rowCount * width);
    for (let r = 0; r < table.rowCount; r++) {
      for (let f = 0; f < width; f++) out[r * width + f] = columns[f]![r]!;
    }
    return Buffer.from(out.buffer);
  });
  return Buffer.concat(parts);
}
