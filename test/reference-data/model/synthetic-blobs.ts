/** Seeded Gaussian-blob classification data for the model tests and benchmark. */
import { createPrng } from '../../../reference-data/src/model/prng.js';

export interface BlobOptions {
  rows: number;
  features: number;
  classes: number;
  /** Standard deviation around each class centre; centres are uniform in [0, 1]^features. */
  noise: number;
  /** Seeds the class centres: equal seeds describe the same problem. */
  problemSeed: number;
  /** Seeds the sampled rows. */
  seed: number;
}

export interface Dataset {
  features: Float32Array;
  labels: string[];
  classLabels: string[];
  featureNames: string[];
}

/** Rows cycle through the classes; each value is centre + noise · N(0, 1) (Box–Muller). */
export function gaussianBlobs(o: BlobOptions): Dataset {
  const problem = createPrng(o.problemSeed);
  const prng = createPrng(o.seed);
  const gaussian = () => {
    const u = 1 - prng.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * prng.nextFloat());
  };
  const classLabels = Array.from(
    { length: o.classes },
    (_, c) => `class_${String(c).padStart(2, '0')}`,
  );
  const centres = Array.from({ length: o.classes }, () =>
    Array.from({ length: o.features }, () => problem.nextFloat()),
  );
  const features = new Float32Array(o.rows * o.features);
  const labels: string[] = [];
  for (let r = 0; r < o.rows; r++) {
    const c = r % o.classes;
    labels.push(classLabels[c]!);
    for (let f = 0; f < o.features; f++) {
      features[r * o.features + f] = centres[c]![f]! + o.noise * gaussian();
    }
  }
  const featureNames = Array.from({ length: o.features }, (_, f) => `feature_${f}`);
  return { features, labels, classLabels, featureNames };
}
