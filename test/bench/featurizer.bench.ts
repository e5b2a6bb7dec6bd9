/**
 * Featurizer speed: median microseconds per window (6 signals × 151 samples), for typed arrays and
 * for the plain number arrays a JSON body yields, against numpy's per-window path (Hann, fft over
 * the 6×151 array, normalise, pick the 65 bins) timed in the same run when numpy is available.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createFeaturizer,
  FEATURE_FREQUENCIES_HZ,
  SIGNAL_NAMES,
  type SignalSet,
} from '../../core/src/features/index.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { median, timeRounds } from './stats.js';

const ITERATIONS = 2_000;
const ROUNDS = 15;
const GOAL_SPEEDUP = 3;

export default async function featurizerBench(): Promise<Record<string, unknown>> {
  const samples = JSON.parse(
    readFileSync(`${FIXTURES_DIR}/seed/raw-window.json`, 'utf8'),
  ) as Record<string, number>[];
  const plain = Object.fromEntries(
    SIGNAL_NAMES.map((s) => [s, samples.map((r) => r[s]!)]),
  ) as unknown as SignalSet;
  const typed = Object.fromEntries(
    SIGNAL_NAMES.map((s) => [s, Float64Array.from(samples.map((r) => r[s]!))]),
  ) as unknown as SignalSet;
  const featurizer = createFeaturizer();
  const out = new Float64Array(65);
  const typedUs = median(
    timeRounds(() => featurizer.featurizeSignalsInto(typed, out), ITERATIONS, ROUNDS),
  );
  const plainUs = median(
    timeRounds(() => featurizer.featurizeSignalsInto(plain, out), ITERATIONS, ROUNDS),
  );
  const numpyUs = numpyMedianUs(plain);
  return {
    windowShape: '6x151',
    medianMicrosecondsPerWindow: typedUs,
    medianMicrosecondsPerWindowPlainArrays: plainUs,
    numpyMedianMicrosecondsPerWindow: numpyUs,
    speedupVsNumpy: numpyUs === null ? null : numpyUs / typedUs,
    goalSpeedup: GOAL_SPEEDUP,
    goalMet: numpyUs === null ? null : numpyUs / typedUs >= GOAL_SPEEDUP,
  };
}

const NUMPY_SCRIPT = `
import json, sys, time
import numpy as np
spec = json.loads(sys.argv[1])
x = np.array(spec["signals"], dtype=np.float64)
n = x.shape[1]
hann = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / (n - 1))
flat = np.array([i * n + round(f * (n - 1) / 50) for i, fs in enumerate(spec["freqs"]) for f in fs])
def featurize(w):
    m = np.abs(np.fft.fft(w * hann, axis=1))
    m /= m.max(axis=1, keepdims=True)
    return m.ravel()[flat]
for _ in range(${ITERATIONS}):
    featurize(x)
rounds = []
for _ in range(${ROUNDS}):
    t = time.perf_counter()
    for _ in range(${ITERATIONS}):
        featurize(x)
    rounds.append((time.perf_counter() - t) / ${ITERATIONS} * 1e6)
print(sorted(rounds)[len(rounds) // 2])
`;

function numpyMedianUs(signals: SignalSet): number | null {
  const spec = {
    signals: SIGNAL_NAMES.map((s) => Array.from(signals[s])),
    freqs: SIGNAL_NAMES.map((s) => FEATURE_FREQUENCIES_HZ[s]),
  };
  try {
    const stdout = execFileSync('python3', ['-c', NUMPY_SCRIPT, JSON.stringify(spec)], {
      encoding: 'utf8',
    });
    return Number(stdout.trim());
  } catch {
    process.stderr.write(
      'bench: featurizer: python3 with numpy not available, comparison skipped\n',
    );
    return null;
  }
}
