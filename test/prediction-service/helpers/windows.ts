/** Request bodies built from the seed fixture window. */
import { SIGNAL_NAMES } from '../../../core/src/features/index.js';
import { readFixture } from '../../helpers/fixtures.js';

export type SampleRecord = Record<string, number | string>;

export function seedSamples(): SampleRecord[] {
  return readFixture<SampleRecord[]>('seed/raw-window.json');
}

export function seedFeatures(): Record<string, number> {
  return readFixture<Record<string, number>[]>('seed/expected-features.json')[0]!;
}

/** The seed window in Driftwatch's own format; `shift` offsets accel_x to make windows differ. */
export function seedWindow<T extends Record<string, unknown>>(extra: T = {} as T, shift = 0) {
  const samples = seedSamples();
  const signals = Object.fromEntries(
    SIGNAL_NAMES.map((name) => [
      name,
      samples.map((s) => (s[name] as number) + (name === 'accel_x' ? shift : 0)),
    ]),
  ) as Record<(typeof SIGNAL_NAMES)[number], number[]>;
  return { ...extra, signals };
}
