/**
 * Drift report speed in steady state (`npm run bench -- drift`): the reference profile is fitted
 * once, then one full report (65 features, KS + PSI each, prediction and target drift,
 * classification) is computed per fresh 1 000-row window, against references of 20 000 and
 * 5 000 rows. When python3 can import scipy, drift_scipy_loop.py does the same work as a
 * scipy/numpy loop (ks_2samp + PSI per feature + chi-square) in the same run; ratios compare
 * medians. Data are synthetic and seeded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeDriftReport } from '../../core/src/drift/compute-report.js';
import { fitReferenceProfile } from '../../core/src/drift/reference-profile.js';
import { FEATURES, rowMajor, type Sample, synthesise, uniformSource } from './drift-bench-data.js';
import { median, percentile } from './stats.js';

const WINDOW_ROWS = 1000;
const TIMED_WINDOWS = 200;
/**
 * Reports before timing starts: the JIT and the distribution memo reach their steady state,
 * which takes about a hundred reports (the first hundred are ~25 % slower than the rest), i.e.
 * the first quarter hour of a service reporting every 10 s.
 */
const WARM_UP_WINDOWS = 100;
const PYTHON_WINDOWS = 5;

/** Times the scipy/numpy baseline on the same data; a string says why it did not run. */
function scipyLoop(reference: Sample, windows: readonly Sample[]): number[] | string {
  const probe = spawnSync('python3', ['-c', 'import scipy, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return 'python3 with scipy not available';
  const folder = mkdtempSync(join(tmpdir(), 'drift-bench-'));
  try {
    writeFileSync(join(folder, 'reference.f64'), rowMajor([reference]));
    writeFileSync(join(folder, 'windows.f64'), rowMajor(windows));
    writeFileSync(join(folder, 'reference-pred.u8'), reference.predictionCodes);
    writeFileSync(
      join(folder, 'windows-pred.u8'),
      Buffer.concat(windows.map((w) => w.predictionCodes)),
    );
    const script = join(dirname(fileURLToPath(import.meta.url)), 'drift_scipy_loop.py');
    const args = [
      script,
      folder,
      FEATURES.length,
      reference.table.rowCount,
      WINDOW_ROWS,
      windows.length,
    ].map(String);
    const run = spawnSync('python3', args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) return `scipy loop failed: ${run.stderr.trim().split('\n').at(-1)}`;
    return (JSON.parse(run.stdout) as { msPerReport: number[] }).msPerReport;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Fits one reference once, then times a report per fresh window after WARM_UP_WINDOWS. */
function benchReference(referenceRows: number, seed: number) {
  const uniform = uniformSource(seed);
  const reference = synthesise(referenceRows, uniform, 0);
  const fitStart = performance.now();
  const profile = fitReferenceProfile(reference.table, FEATURES);
  const fitMs = performance.now() - fitStart;
  // Windows are made one at a time (outside the timing) so that 300 of them need not be held.
  const total = WARM_UP_WINDOWS + TIMED_WINDOWS;
  const pythonWindows: Sample[] = [];
  const times: number[] = [];
  let drifted = 0;
  for (let i = 0; i < total; i++) {
    const window = synthesise(WINDOW_ROWS, uniform, (i % 3) * 0.05);
    if (i < PYTHON_WINDOWS) pythonWindows.push(window);
    const start = performance.now();
    const report = computeDriftReport(profile, window.table);
    if (i >= WARM_UP_WINDOWS) times.push(performance.now() - start);
    drifted += report.dataset.driftedFeatures;
    if (i % 50 === 49)
      process.stderr.write(`drift bench: ${referenceRows} rows, ${i + 1} windows\n`);
  }
  const tsMedian = median(times);
  const scipy = scipyLoop(reference, pythonWindows);
  const scipyMedian = typeof scipy === 'string' ? null : median(scipy);
  return {
    referenceRows,
    profileFitMs: fitMs,
    timedWindows: times.length,
    medianMsPerReport: tsMedian,
    p90MsPerReport: percentile(times, 0.9),
    meanDriftedFeatures: drifted / total,
    scipy:
      typeof scipy === 'string' ? scipy : { windows: scipy.length, medianMsPerReport: scipyMedian },
    scipyOverTypeScript: scipyMedian === null ? null : scipyMedian / tsMedian,
  };
}

export default async function driftBench(): Promise<Record<string, unknown>> {
  return {
    features: FEATURES.length,
    windowRows: WINDOW_ROWS,
    note: `TypeScript: profile fitted once, one report per fresh window, ${TIMED_WINDOWS} timed after ${WARM_UP_WINDOWS} warm-up windows; scipy: ks_2samp + PSI + chi2_contingency per window`,
    references: [benchReference(20_000, 2026_11_22), benchReference(5_000, 2026_11_23)],
  };
}
