/**
 * Seeded test traffic for the toy dataset and the checks that compare published quality series
 * with an engine report.
 */
import { expect } from 'vitest';
import type { DriftTable } from '../../../core/src/drift/engine-api.js';
import type { DriftReport } from '../../../core/src/drift/report-types.js';
import { createRng } from '../../../core/src/random/prng.js';
import { type PromSample, sampleValue } from './prometheus-text.js';

const CLASSES = ['curl', 'squat', 'walk'];
export const FEATURES = ['f1', 'f2', 'f3'];

const seeded = (seed: number) => createRng(seed).next;

/** Shifted traffic: f1 moves up, f2/f3 stay close to the reference; ~75% correct predictions. */
export function makeEvents(count: number, seed: number) {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const label = CLASSES[Math.floor(random() * 3)]!;
    const prediction = random() < 0.75 ? label : CLASSES[Math.floor(random() * 3)]!;
    const features = { f1: 1.5 + random() * 3, f2: random(), f3: -2 * Math.log(1 - random()) };
    return {
      eventId: `ev-${seed}-${i}`,
      timestamp: '2024-05-01T12:00:00Z',
      features,
      prediction,
      label,
    };
  });
}

export type TestEvent = ReturnType<typeof makeEvents>[number];

export function tableOf(events: readonly TestEvent[], withTarget: boolean): DriftTable {
  const features = Object.fromEntries(
    FEATURES.map((f) => [f, Float64Array.from(events, (e) => e.features[f as 'f1'])]),
  );
  const table: DriftTable = {
    rowCount: events.length,
    features,
    prediction: events.map((e) => e.prediction),
  };
  if (withTarget) table.target = events.map((e) => e.label);
  return table;
}

/** model_quality and model_class_quality of one window equal the report's classification. */
export function expectQuality(
  samples: PromSample[],
  report: DriftReport,
  window = 'current',
): void {
  const q = report.classification!;
  const metric = (m: string) => sampleValue(samples, 'model_quality', { metric: m, window });
  expect(metric('accuracy')).toBe(q.accuracy);
  expect(metric('balanced_accuracy')).toBe(q.balancedAccuracy);
  expect(metric('precision_macro')).toBe(q.macro.precision);
  expect(metric('recall_macro')).toBe(q.macro.recall);
  expect(metric('f1_macro')).toBe(q.macro.f1);
  expect(metric('f1_weighted')).toBe(q.weighted.f1);
  for (const [cls, s] of Object.entries(q.perClass)) {
    for (const m of ['precision', 'recall', 'f1'] as const) {
      expect(sampleValue(samples, 'model_class_quality', { class: cls, metric: m, window })).toBe(
        s[m],
      );
    }
  }
}
