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
import { computeDriftReport } from '../../monitoring-service/src/drift/compute-report.js';
import type { DriftTable } from '../../monitoring-service/src/drift/engine-api.js';
import { fitReferenceProfile } from '../../monitoring-service/src/drift/reference-profile.js';
import { median, percentile } from './stats.js';

const FEATURES = Array.from({ length: 65 }, (_, i) => `feature_${i}`);
const CLASSES = ['Bicep Curl', 'Crunch', 'Junk', 'Lateral Raise', 'Push-up', 'Squat', 'Transition'];
const WINDOW_ROWS = 1000;
const TS_WINDOWS = 30;
const PYTHON_WINDOWS = 5;

/** Mulberry32: small, fast, seeded uniform generator on [0, 1). */
function uniformSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sample {
  rows: Float64Array[];
  table: DriftTable;
  predictionCodes: Uint8Array;
}

/** Per feature a different shape: normal, rounded (ties), exponential; `shift` moves the means. */
function synthesise(rows: number, uniform: () => number, shift: number): Sample {
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const columns = FEATURES.map((_, f) => {
    const values = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const z = normal() + (f % 5 === 0 ? shift : 0);
      values[r] =
        f % 3 === 0
          ? Math.round(2 * z)
          : f % 3 === 1
            ? z * (1 + f / 10)
            : -Math.log(1 - uniform()) + z * 0.1;
    }
    return values;
  });
  const predictionCodes = Uint8Array.from({ length: rows }, () =>
    Math.floor(uniform() ** (1 + shift) * CLASSES.length),
  );
  const prediction = Array.from(predictionCodes, (c) => CLASSES[c]!);
  const target = prediction.map((label, r) =>
    r % 4 === 0 ? null : uniform() < 0.8 ? label : CLASSES[Math.floor(uniform() * CLASSES.length)]!,
  );
  const features = Object.fromEntries(FEATURES.map((name, f) => [name, columns[f]!]));
  return {
    rows: columns,
    table: { rowCount: rows, features, prediction, target },
    predictionCodes,
  };
}

/** Row-major float64 bytes of the feature columns, as numpy.fromfile reads them. */
function rowMajor(samples: readonly Sample[]): Buffer {
  const parts = samples.map(({ rows, table }) => {
    const out = new Float64Array(table.rowCount * FEATURES.length);
    for (let r = 0; r < table.rowCount; r++)
      for (let f = 0; f < FEATURES.length; f++) out[r * FEATURES.length + f] = rows[f]![r]!;
    return Buffer.from(out.buffer);
  });
  return Buffer.concat(parts);
}

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

function benchReference(referenceRows: number, seed: number) {
  const uniform = uniformSource(seed);
  const reference = synthesise(referenceRows, uniform, 0);
  const fitStart = performance.now();
  const profile = fitReferenceProfile(reference.table, FEATURES);
  const fitMs = performance.now() - fitStart;
  const windows = Array.from({ length: TS_WINDOWS }, (_, w) =>
    synthesise(WINDOW_ROWS, uniform, (w % 3) * 0.05),
  );
  const times: number[] = [];
  let drifted = 0;
  for (const [i, window] of windows.entries()) {
    const start = performance.now();
    const report = computeDriftReport(profile, window.table);
    times.push(performance.now() - start);
    drifted += report.dataset.driftedFeatures;
    if (i % 10 === 9)
      process.stderr.write(`drift bench: ${referenceRows} rows, ${i + 1} windows\n`);
  }
  const tsMedian = median(times.slice(1));
  const scipy = scipyLoop(reference, windows.slice(0, PYTHON_WINDOWS));
  const scipyMedian = typeof scipy === 'string' ? null : median(scipy);
  return {
    referenceRows,
    profileFitMs: fitMs,
    windows: times.length,
    medianMsPerReport: tsMedian,
    p90MsPerReport: percentile(times.slice(1), 0.9),
    meanDriftedFeatures: drifted / windows.length,
    scipy:
      typeof scipy === 'string' ? scipy : { windows: scipy.length, medianMsPerReport: scipyMedian },
    scipyOverTypeScript: scipyMedian === null ? null : scipyMedian / tsMedian,
  };
}

export default async function driftBench(): Promise<Record<string, unknown>> {
  return {
    features: FEATURES.length,
    windowRows: WINDOW_ROWS,
    note: 'TypeScript: profile fitted once, one report per fresh window (first excluded from the median); scipy: ks_2samp + PSI + chi2_contingency per window',
    references: [benchReference(20_000, 2026_11_22), benchReference(5_000, 2026_11_23)],
  };
}
