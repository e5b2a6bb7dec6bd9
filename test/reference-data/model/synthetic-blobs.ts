/** Seeded Gaussian-blob classification data for the model tests and benchmark. */
import { createRng } from '../../../core/src/random/prng.js';

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

/** Rows cycle through the classes; each value is centre + noise · N(0, 1). */
export function gaussianBlobs(o: BlobOptions): Dataset {
  const problem = createRng(o.problemSeed);
  const rng = createRng(o.seed);
  const classLabels = Array.from(
    { length: o.classes },
    (_, c) => `class_${String(c).padStart(2, '0')}`,
  );
  const centres = Array.from({ length: o.classes }, () =>
    Array.from({ length: o.features }, () => problem.next()),
  );
  const features = new Float32Array(o.rows * o.features);
  const labels: string[] = [];
  for (let r = 0; r < o.rows; r++) {
    const c = r % o.classes;
    labels.push(classLabels[c]!);
    for (let f = 0; f < o.features; f++) {
      features[r * o.features + f] = centres[c]![f]! + o.noise * rng.normal();
    }
  }
  const featureNames = Array.from({ length: o.features }, (_, f) => `feature_${f}`);
  return { features, labels, classLabels, featureNames };
}
