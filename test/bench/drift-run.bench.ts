/**
 * One scheduled drift run of the monitoring service in steady state (`npm run bench -- drift-run`):
 * `buildSnapshot` on a 500-event window from 200 devices, exactly as the report job calls it
 * (events to columns, the calibration for the window's shape, the report, label quality), against
 * a 20 000-row reference grouped in runs of seven rows. Between runs the window slides by 25
 * events (about what 200 devices send in 10 s), so every run sees fresh rows but the same rounded
 * shape: the calibration is computed once (timed on its own as the cold start) and then read from
 * the cache. 65 columns as the model's features; 77 as the shipped dataset tests with its
 * raw-signal summaries. Data are synthetic and seeded.
 */
import { computeDriftReport, computeLabelQuality } from '../../core/src/drift/compute-report.js';
import type { DriftTable } from '../../core/src/drift/engine-api.js';
import { NullCalibrator } from '../../core/src/drift/null-calibrator.js';
import { fitReferenceProfile } from '../../core/src/drift/reference-profile.js';
import { buildSnapshot } from '../../monitoring-service/src/snapshots/build-snapshot.js';
import type { StoredEvent } from '../../monitoring-service/src/store/store.js';
import { type Sample, synthesise, uniformSource } from './drift-bench-data.js';
import { median, percentile } from './stats.js';

const REFERENCE_ROWS = 20_000;
const GROUP_ROWS = 7;
const WINDOW_EVENTS = 500;
const DEVICES = 200;
const SLIDE_EVENTS = 25;
const WARM_UP_RUNS = 100;
const TIMED_RUNS = 200;

/** The sample's rows as stored events, `deviceOf(row)` as each event's device. */
function eventsOf(sample: Sample, names: readonly string[], first: number): StoredEvent[] {
  const { table } = sample;
  return Array.from({ length: table.rowCount }, (_, row) => {
    const features: Record<string, number> = {};
    names.forEach((name, f) => {
      features[name] = sample.columns[f % sample.columns.length]![row]!;
    });
    const label = table.target?.[row];
    const id = first + row;
    return {
      eventId: `e${id}`,
      timestamp: '2026-01-01T00:00:00Z',
      features,
      prediction: table.prediction![row]!,
      ...(label ? { label } : {}),
      metadata: { deviceId: `device-${id % DEVICES}` },
      receivedAtMs: id,
    };
  });
}

function benchColumns(columns: number, seed: number) {
  const names = Array.from({ length: columns }, (_, i) => `column_${i}`);
  const uniform = uniformSource(seed);
  const reference = synthesise(REFERENCE_ROWS, uniform, 0);
  const table: DriftTable = {
    ...reference.table,
    features: Object.fromEntries(
      names.map((name, f) => [name, reference.columns[f % reference.columns.length]!]),
    ),
    groups: Array.from({ length: REFERENCE_ROWS }, (_, row) => `g${Math.floor(row / GROUP_ROWS)}`),
  };
  const profile = fitReferenceProfile(table, names);
  const calibrator = new NullCalibrator(profile.nullSource!);
  const total = WARM_UP_RUNS + TIMED_RUNS;
  const stream = eventsOf(
    synthesise(WINDOW_EVENTS + SLIDE_EVENTS * total, uniform, 0.02),
    names,
    0,
  );
  const run = (i: number) => {
    const window = stream.slice(i * SLIDE_EVENTS, i * SLIDE_EVENTS + WINDOW_EVENTS);
    return buildSnapshot({
      profile,
      calibrator,
      current: window,
      labelled: window.filter((e) => e.label !== undefined),
      minWindowEvents: 50,
      options: {},
      computeDriftReport,
      computeLabelQuality,
    });
  };
  const coldStart = performance.now();
  run(0);
  const coldMs = performance.now() - coldStart;
  const times: number[] = [];
  let drifted = 0;
  for (let i = 1; i < total; i++) {
    const start = performance.now();
    const snapshot = run(i);
    if (i >= WARM_UP_RUNS) times.push(performance.now() - start);
    drifted += snapshot.report?.dataset.driftedFeatures ?? 0;
  }
  process.stderr.write(`drift-run bench: ${columns} columns done\n`);
  return {
    columns,
    firstRunWithCalibrationMs: coldMs,
    timedRuns: times.length,
    medianMsPerRun: median(times),
    p90MsPerRun: percentile(times, 0.9),
    meanDriftedColumns: drifted / (total - 1),
  };
}

export default async function driftRunBench(): Promise<Record<string, unknown>> {
  return {
    referenceRows: REFERENCE_ROWS,
    windowEvents: WINDOW_EVENTS,
    devices: DEVICES,
    goalMsPerRun: 10,
    note: `buildSnapshot per run (window to columns, cached calibration, report, label quality); ${TIMED_RUNS} timed after ${WARM_UP_RUNS} warm-up runs; the first run includes calibrating its shape`,
    cases: [benchColumns(65, 2026_12_05), benchColumns(77, 2026_12_06)],
  };
}
