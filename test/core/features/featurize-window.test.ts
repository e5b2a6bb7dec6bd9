import { describe, expect, it } from 'vitest';
import {
  createFeaturizer,
  FEATURE_COUNT,
  FEATURE_FREQUENCIES_HZ,
  FEATURE_NAMES,
  type SampleRecord,
  SIGNAL_NAMES,
  type SignalSet,
  WindowInputError,
} from '../../../core/src/features/index.js';
import { readFixture } from '../../helpers/fixtures.js';

interface NumpyCase {
  length: number;
  sampleRateHz: number;
  signals: Record<string, number[]>;
  features: number[];
}

const rawWindow = readFixture<SampleRecord[]>('seed/raw-window.json');
const expected = readFixture<Record<string, number>[]>('seed/expected-features.json')[0]!;
const numpyCases = readFixture<{ cases: NumpyCase[] }>('features/numpy-features.json').cases;

function signalsOfRaw(): Record<string, number[]> {
  return Object.fromEntries(SIGNAL_NAMES.map((name) => [name, rawWindow.map((s) => s[name])]));
}

describe('feature spec', () => {
  it('matches the original frequency list, in its order', () => {
    const fixture = readFixture<Record<string, number[]>>('seed/frequency-features.json');
    expect(Object.keys(fixture)).toEqual([...SIGNAL_NAMES]);
    for (const name of SIGNAL_NAMES) expect(FEATURE_FREQUENCIES_HZ[name]).toEqual(fixture[name]);
    expect(FEATURE_COUNT).toBe(65);
    expect(FEATURE_NAMES.slice(0, 3)).toEqual(['accel_x_0', 'accel_x_1', 'accel_x_2']);
  });
});

describe('createFeaturizer', () => {
  const featurizer = createFeaturizer();

  it('reproduces the original features of the seed window to 1e-9', () => {
    const features = featurizer.featurize(rawWindow);
    expect(Object.keys(expected).sort()).toEqual([...FEATURE_NAMES].sort());
    FEATURE_NAMES.forEach((name, i) => {
      expect(Math.abs(features[i]! - expected[name]!)).toBeLessThanOrEqual(1e-9);
    });
  });

  it('gives the same features for both window formats', () => {
    const fromSamples = featurizer.featurize(rawWindow);
    const fromSignals = featurizer.featurize({ signals: signalsOfRaw() as unknown as SignalSet });
    expect(Array.from(fromSignals)).toEqual(Array.from(fromSamples));
  });

  it.each(numpyCases.map((c) => [c.length, c.sampleRateHz, c] as const))(
    'matches numpy for N = %i at %i Hz',
    (_n, sampleRateHz, c) => {
      const features = createFeaturizer({ sampleRateHz }).featurize({
        signals: c.signals as unknown as SignalSet,
      });
      expect(features).toHaveLength(65);
      c.features.forEach((value, i) => {
        expect(Math.abs(features[i]! - value)).toBeLessThanOrEqual(1e-9);
      });
    },
  );

  it('writes batches into a shared Float32Array at an offset', () => {
    const batch = new Float32Array(2 * FEATURE_COUNT);
    featurizer.featurizeSignalsInto(signalsOfRaw() as unknown as SignalSet, batch, FEATURE_COUNT);
    expect(batch[0]).toBe(0);
    expect(batch[FEATURE_COUNT]).toBeCloseTo(expected.accel_x_0!, 6);
    expect(batch[2 * FEATURE_COUNT - 1]).toBeCloseTo(expected.gyro_z_18!, 6);
  });

  it('gives zero features, not NaN, for a signal that is zero everywhere', () => {
    const signals = signalsOfRaw();
    signals.gyro_y = new Array(151).fill(0);
    const features = featurizer.featurize({ signals: signals as unknown as SignalSet });
    const start = FEATURE_NAMES.indexOf('gyro_y_0');
    expect(Array.from(features.slice(start, start + 11))).toEqual(new Array(11).fill(0));
    expect(features.every(Number.isFinite)).toBe(true);
  });
});

describe('window validation', () => {
  const featurizer = createFeaturizer();
  const withSignals = (edit: (s: Record<string, unknown>) => void) => {
    const signals: Record<string, unknown> = signalsOfRaw();
    edit(signals);
    return () => featurizer.featurize({ signals: signals as unknown as SignalSet });
  };

  it('rejects a missing signal, naming it', () => {
    expect(withSignals((s) => delete s.gyro_z)).toThrow(/signal gyro_z is missing/);
  });

  it('rejects signals of unequal length', () => {
    expect(withSignals((s) => (s.accel_y = (s.accel_y as number[]).slice(1)))).toThrow(
      /unequal lengths.*accel_y has 150/,
    );
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '3', null])(
    'rejects the non-finite value %s',
    (bad) => {
      const attempt = withSignals((s) => ((s.gyro_x as unknown[])[17] = bad));
      expect(attempt).toThrow(WindowInputError);
      expect(attempt).toThrow(/gyro_x has a non-finite value at sample 17/);
    },
  );

  it('rejects windows shorter than 16 samples', () => {
    const short = withSignals((s) => {
      for (const name of SIGNAL_NAMES) s[name] = (s[name] as number[]).slice(0, 15);
    });
    expect(short).toThrow(/15 samples per signal; at least 16/);
  });

  it('rejects a sample record without a signal value', () => {
    const broken = rawWindow.map((s) => ({ ...s }));
    delete (broken[3] as Partial<SampleRecord>).accel_z;
    expect(() => featurizer.featurize(broken)).toThrow(/sample 3 has no numeric accel_z/);
  });

  it('names the field on the error', () => {
    try {
      withSignals((s) => delete s.accel_x)();
      expect.unreachable();
    } catch (error) {
      expect((error as WindowInputError).field).toBe('signals.accel_x');
    }
  });
});
