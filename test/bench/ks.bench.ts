/**
 * Two-sample KS p-values per feature, as the drift engine computes them: the reference is sorted
 * once (the profile), each call sorts a fresh current sample of 1 000 values and runs
 * `ksTwoSampleSorted`. Scenarios: 5 000 reference rows (exact p-value) without and with drift,
 * and 20 000 rows (asymptotic). Reports the median ms per call and per 65-feature report, and —
 * when `python3 -c 'import scipy'` works — scipy's `ks_2samp` on the very same arrays, timed in a
 * python subprocess in the same run, with the speed ratios and the largest p-value difference.
 * The load average is printed too: on a shared machine other processes stretch the 65-call
 * report rounds (a few ms each) far more than single calls, so the fastest rounds are reported
 * beside the median.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { createRng } from '../../core/src/random/prng.js';
import { ksTwoSampleSorted } from '../../core/src/stats/ks-two-sample.js';
import { sortedFiniteCopy } from '../../core/src/stats/ks-sorted-copy.js';
import { median } from './stats.js';

const CURRENT_ROWS = 1000;
const CALLS = 300;
const FEATURES = 65;
const REPORTS = 11;

const SCENARIOS = [
  { name: 'exact 5000x1000', referenceRows: 5000, shift: 0 },
  { name: 'exact 5000x1000 drifted (shift 0.25 sd)', referenceRows: 5000, shift: 0.25 },
  { name: 'asymptotic 20000x1000', referenceRows: 20000, shift: 0 },
] as const;

interface Timing {
  medianMsPerCall: number;
  medianMsPerReport: number;
  /** The fastest of the report rounds: on a busy machine the median also measures the others. */
  minMsPerReport: number;
  pValues: number[];
}

export default async function ksBench(): Promise<Record<string, unknown>> {
  const scipy = scipyAvailable();
  const results: Record<string, unknown> = { loadAverageAtStart: loadavg()[0] };
  for (const scenario of SCENARIOS) {
    const normal = normalSource(20261122 + scenario.referenceRows + scenario.shift * 1000);
    const reference = Array.from({ length: scenario.referenceRows }, normal);
    const currents = Array.from({ length: CALLS }, () =>
      Array.from({ length: CURRENT_ROWS }, () => normal() + scenario.shift),
    );
    const ours = timeOurs(reference, currents);
    const entry: Record<string, unknown> = {
      ours: summary(ours),
      medianPValue: median(ours.pValues),
    };
    if (scipy) {
      const theirs = timeScipy(reference, currents);
      entry.scipy = summary(theirs);
      entry.speedupPerCall = theirs.medianMsPerCall / ours.medianMsPerCall;
      entry.speedupPerReport = theirs.medianMsPerReport / ours.medianMsPerReport;
      entry.speedupPerReportFastestRounds = theirs.minMsPerReport / ours.minMsPerReport;
      entry.maxAbsPValueDifference = Math.max(
        ...ours.pValues.map((p, i) => Math.abs(p - theirs.pValues[i]!)),
      );
    }
    results[scenario.name] = entry;
  }
  if (!scipy) results.scipy = 'skipped: python3 -c "import scipy" failed on this machine';
  return results;
}

function summary({ medianMsPerCall, medianMsPerReport, minMsPerReport }: Timing) {
  return { medianMsPerCall, medianMsPerReport, minMsPerReport };
}

function timeOurs(reference: number[], currents: number[][]): Timing {
  const sortedReference = sortedFiniteCopy(reference, 'ksBench', 'reference');
  const pValue = (current: number[]) =>
    ksTwoSampleSorted(sortedReference, sortedFiniteCopy(current, 'ksBench', 'current')).pValue;
  for (const current of currents.slice(0, 50)) pValue(current); // warm-up
  const perCall: number[] = [];
  const pValues: number[] = [];
  for (const current of currents) {
    const start = performance.now();
    pValues.push(pValue(current));
    perCall.push(performance.now() - start);
  }
  const perReport: number[] = [];
  for (let r = 0; r < REPORTS; r++) {
    const start = performance.now();
    for (let f = 0; f < FEATURES; f++) pValue(currents[(r * FEATURES + f) % CALLS]!);
    perReport.push(performance.now() - start);
  }
  return {
    medianMsPerCall: median(perCall),
    medianMsPerReport: median(perReport),
    minMsPerReport: Math.min(...perReport),
    pValues,
  };
}

const SCIPY_TIMER = `
import json, sys, time
import numpy as np
from scipy import stats
data = json.load(sys.stdin)
reference = np.asarray(data["reference"], dtype=np.float64)
currents = [np.asarray(c, dtype=np.float64) for c in data["currents"]]
features, reports = data["features"], data["reports"]
for c in currents[:10]:
    stats.ks_2samp(reference, c)
per_call, p_values = [], []
for c in currents:
    start = time.perf_counter()
    p_values.append(float(stats.ks_2samp(reference, c).pvalue))
    per_call.append((time.perf_counter() - start) * 1e3)
per_report = []
for r in range(reports):
    start = time.perf_counter()
    for f in range(features):
        stats.ks_2samp(reference, currents[(r * features + f) % len(currents)])
    per_report.append((time.perf_counter() - start) * 1e3)
json.dump({"perCall": per_call, "perReport": per_report, "pValues": p_values}, sys.stdout)
`;

function timeScipy(reference: number[], currents: number[][]): Timing {
  const run = spawnSync('python3', ['-c', SCIPY_TIMER], {
    input: JSON.stringify({ reference, currents, features: FEATURES, reports: REPORTS }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`scipy timing failed: ${run.stderr}`);
  const out = JSON.parse(run.stdout) as {
    perCall: number[];
    perReport: number[];
    pValues: number[];
  };
  return {
    medianMsPerCall: median(out.perCall),
    medianMsPerReport: median(out.perReport),
    minMsPerReport: Math.min(...out.perReport),
    pValues: out.pValues,
  };
}

function scipyAvailable(): boolean {
  return spawnSync('python3', ['-c', 'import scipy'], { stdio: 'ignore' }).status === 0;
}

/** Standard normal draws from a seeded 32-bit LCG through Box–Muller (reproducible inputs). */
function normalSource(seed: number): () => number {
  const rng = createRng(seed);
  return () => rng.normal();
}
