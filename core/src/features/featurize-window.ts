import {
  DEFAULT_SAMPLE_RATE_HZ,
  FEATURE_COUNT,
  FEATURE_FREQUENCIES_HZ,
  FEATURE_NAMES,
  MIN_WINDOW_LENGTH,
  SIGNAL_NAMES,
} from './feature-spec.js';
import { roundHalfEven } from './round-half-even.js';
import {
  type SampleRecord,
  type SignalSet,
  signalsOf,
  type WindowInput,
  WindowInputError,
} from './window-input.js';
import { createWindowedDft, type WindowedDft } from './windowed-dft.js';

export interface Featurizer {
  readonly featureNames: readonly string[];
  /** The 65 features of one window, in `featureNames` order. Throws WindowInputError. */
  featurize(window: WindowInput | readonly SampleRecord[]): Float64Array;
  /** Same, for already separated signals, written into `out` at `offset` (for batches). */
  featurizeSignalsInto(signals: SignalSet, out: Float64Array | Float32Array, offset?: number): void;
}

interface LengthPlan {
  dft: WindowedDft;
  /** DFT bin of each feature, in feature order. */
  featureBins: Int32Array;
  magnitudes: Float64Array[];
}

/**
 * The original project's featurization (docs/contracts.md, Featurization): per signal, Hann window,
 * full DFT magnitudes normalised by their maximum, sampled at bin round(f·(N−1)/Fs) for the pinned
 * frequencies. Plans are cached per window length, so steady-state cost is three Bluestein
 * transforms per window, O(M log M) with M the power of two ≥ 2N−1. A signal that is zero
 * everywhere has no maximum to normalise by; its features are 0 rather than NaN.
 */
export function createFeaturizer(options: { sampleRateHz?: number } = {}): Featurizer {
  const sampleRateHz = options.sampleRateHz ?? DEFAULT_SAMPLE_RATE_HZ;
  if (!(sampleRateHz > 0) || !Number.isFinite(sampleRateHz)) {
    throw new RangeError(`createFeaturizer requires a positive sample rate, got ${sampleRateHz}`);
  }
  const plans = new Map<number, LengthPlan>();
  const peaks = new Float64Array(SIGNAL_NAMES.length);

  function planFor(length: number): LengthPlan {
    let plan = plans.get(length);
    if (!plan) {
      plan = createPlan(length, sampleRateHz);
      plans.set(length, plan);
    }
    return plan;
  }

  function featurizeSignalsInto(
    signals: SignalSet,
    out: Float64Array | Float32Array,
    offset = 0,
  ): void {
    const length = validateSignals(signals, peaks);
    const { dft, featureBins, magnitudes } = planFor(length);
    // Features are ratios of magnitudes, so each signal may be scaled to peak 1 first: that keeps
    // the two signals sharing a transform at the same size and their rounding leakage negligible.
    for (let s = 0; s < SIGNAL_NAMES.length; s += 2) {
      dft.magnitudesOfPair(
        signals[SIGNAL_NAMES[s]!],
        signals[SIGNAL_NAMES[s + 1]!],
        magnitudes[s]!,
        magnitudes[s + 1]!,
        reciprocal(peaks[s]!),
        reciprocal(peaks[s + 1]!),
      );
    }
    let f = 0;
    for (let s = 0; s < SIGNAL_NAMES.length; s++) {
      const mags = magnitudes[s]!;
      let max = 0;
      for (let k = 0; k < mags.length; k++) if (mags[k]! > max) max = mags[k]!;
      const count = FEATURE_FREQUENCIES_HZ[SIGNAL_NAMES[s]!].length;
      const silent = peaks[s] === 0 || max === 0;
      for (let i = 0; i < count; i++, f++) {
        out[offset + f] = silent ? 0 : mags[featureBins[f]!]! / max;
      }
    }
  }

  return {
    featureNames: FEATURE_NAMES,
    featurize(window) {
      const out = new Float64Array(FEATURE_COUNT);
      featurizeSignalsInto(signalsOf(window), out);
      return out;
    },
    featurizeSignalsInto,
  };
}

function createPlan(length: number, sampleRateHz: number): LengthPlan {
  const dft = createWindowedDft(length);
  const featureBins = new Int32Array(FEATURE_COUNT);
  let f = 0;
  for (const signal of SIGNAL_NAMES) {
    for (const hz of FEATURE_FREQUENCIES_HZ[signal]) {
      const bin = roundHalfEven((hz * (length - 1)) / sampleRateHz);
      // Bins above N/2 mirror those below it for real signals.
      featureBins[f++] = bin < dft.bins ? bin : length - bin;
    }
  }
  const magnitudes = SIGNAL_NAMES.map(() => new Float64Array(dft.bins));
  return { dft, featureBins, magnitudes };
}

function reciprocal(peak: number): number {
  return peak > 0 ? 1 / peak : 0;
}

/**
 * Checks the six signals and returns their common length; writes each signal's largest absolute
 * value into `peaks` when given. Throws WindowInputError naming the first problem.
 */
export function validateSignals(signals: SignalSet, peaks?: Float64Array): number {
  if (typeof signals !== 'object' || signals === null) {
    throw new WindowInputError('window has no signals object', 'signals');
  }
  let length = -1;
  for (const name of SIGNAL_NAMES) {
    const values = signals[name];
    if (values === undefined || values === null || typeof values.length !== 'number') {
      throw new WindowInputError(`signal ${name} is missing`, `signals.${name}`);
    }
    if (length === -1) length = values.length;
    else if (values.length !== length) {
      throw new WindowInputError(
        `signals have unequal lengths: ${SIGNAL_NAMES[0]} has ${length} samples, ${name} has ${values.length}`,
        `signals.${name}`,
      );
    }
    let peak = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new WindowInputError(
          `signal ${name} has a non-finite value at sample ${i}`,
          `signals.${name}[${i}]`,
        );
      }
      const magnitude = v < 0 ? -v : v;
      if (magnitude > peak) peak = magnitude;
    }
    if (peaks) peaks[SIGNAL_NAMES.indexOf(name)] = peak;
  }
  if (length < MIN_WINDOW_LENGTH) {
    throw new WindowInputError(
      `window has ${length} samples per signal; at least ${MIN_WINDOW_LENGTH} are required`,
      'signals',
    );
  }
  return length;
}
