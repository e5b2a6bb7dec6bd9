/**
 * One run of the evaluation: the sender's simulated fleet (the same traffic `npm run sender`
 * sends for this seed and scenario) through the prediction service's featurizer and model into
 * the monitoring service's windows and scheduled report job, the labels joining their events
 * after the label delay, and every drift and quality alert evaluated after each scheduled run as
 * the shipped rules decide it, `for:` durations included. All in simulated time.
 *
 * Only the events that can reach a report are simulated, featurized, predicted and ingested: at
 * each run the current window holds the last N events and the labelled window the last N
 * labelled ones, so an event that is in neither at the first run after it (and after its label)
 * never is. The windows then hold exactly what the service's would, and the signals of every
 * event that is simulated are exactly those the sender would send.
 */
import { parseScenario } from '../../sender/src/scenarios/scenario-schedule.js';
import { WINDOW_PERIOD_S } from '../../sender/src/traffic/outgoing-window.js';
import { simulatedPopulation, simulatedSource } from '../../sender/src/traffic/simulated-source.js';
import type { OutgoingWindow } from '../../sender/src/traffic/outgoing-window.js';
import type { DatasetEntry } from '../../monitoring-service/src/datasets/datasets-config.js';
import type { DriftEngine } from '../../monitoring-service/src/datasets/monitored-dataset.js';
import type { DriftReport } from '../../core/src/drift/report-types.js';
import { ALERT_CONDITIONS } from './alert-conditions.js';
import { AlertTracker } from './alert-tracker.js';
import { openMonitoringSide } from './monitoring-side.js';
import type { ReportPoint, RunResult, RunSpec } from './run-spec.js';
import { summariseRun } from './summarise-run.js';
import { constantOf, type ShippedRules } from './shipped-rules.js';
import type { TrafficModel } from './traffic-model.js';

export interface RunContext {
  readonly entry: DatasetEntry;
  readonly engine: DriftEngine;
  readonly model: TrafficModel;
  readonly rules: ShippedRules;
}

export interface RunOptions {
  readonly onProgress?: (done: number) => void;
  /** Simulate and ingest every event, read or not (to check that skipping changes nothing). */
  readonly everyEvent?: boolean;
}

export async function simulateRun(
  spec: RunSpec,
  ctx: RunContext,
  options: RunOptions = {},
): Promise<RunResult> {
  const { devices, labelDelayS } = spec;
  const periodS = constantOf(ctx.rules, 'driftwatch:drift_schedule_period_seconds');
  const windowEvents = ctx.entry.windowSizeEvents;
  /** Index of the last event complete at simulated second t (-1 before the first). */
  const lastIndex = (t: number) => Math.floor((t * devices) / WINDOW_PERIOD_S + 1e-9) - 1;
  const dueOf = (n: number) => ((n + 1) * WINDOW_PERIOD_S) / devices;
  const nextRun = (t: number) => Math.ceil(t / periodS - 1e-9) * periodS;
  // One event of margin against rounding: being generous only costs an event. The run's last
  // event bounds them all: a device would otherwise simulate the rest of the session it is in
  // when the run ends, windows that are never sent.
  const lastEvent = lastIndex(spec.durationS) + 1;
  const needed = (n: number) =>
    n <= lastEvent &&
    (options.everyEvent === true ||
      n >= lastIndex(nextRun(dueOf(n))) - windowEvents ||
      n >= lastIndex(nextRun(dueOf(n) + labelDelayS) - labelDelayS) - windowEvents);

  const perSecond = devices / WINDOW_PERIOD_S;
  const side = await openMonitoringSide(
    ctx.entry,
    ctx.engine,
    windowEvents + Math.ceil(perSecond * (labelDelayS + 2 * periodS)),
  );
  const scenarios = spec.onsetS === null ? [] : [parseScenario(`${spec.scenario}@${spec.onsetS}s`)];
  const source = simulatedSource({
    seed: spec.seed,
    population: simulatedPopulation(spec.seed, devices, needed),
    scenarios,
    runId: spec.id,
    startMs: Date.UTC(2026, 0, 1),
  });
  const trackers = Object.fromEntries(
    Object.keys(ALERT_CONDITIONS).map((name) => [
      name,
      new AlertTracker(ctx.rules.forSeconds[name] ?? 0),
    ]),
  );
  const labels: { atS: number; eventId: string; label: string }[] = [];
  let labelHead = 0;
  const timeline: ReportPoint[] = [];
  // Every simulated window's true class, for the realized quality of the current window.
  const truth = new Map<string, string>();
  const conditions: Record<string, boolean>[] = [];
  let n = 0;
  for (let t = periodS; t <= spec.durationS + 1e-9; t += periodS) {
    const batch: OutgoingWindow[] = [];
    for (; dueOf(n) <= t + 1e-9; n++) {
      const w = source.next()!;
      if (needed(n)) batch.push(w);
    }
    side.setTime(t);
    const events = await ctx.model.predict(batch);
    await side.ingestor.ingestEvents(side.dataset, events);
    for (const w of batch) {
      labels.push({ atS: w.dueS + labelDelayS, eventId: w.windowId, label: w.label! });
      truth.set(w.windowId, w.label!);
    }
    const due: { eventId: string; label: string }[] = [];
    while (labelHead < labels.length && labels[labelHead]!.atS <= t + 1e-9) {
      const { eventId, label } = labels[labelHead++]!;
      due.push({ eventId, label });
    }
    if (labelHead > 10_000) {
      labels.splice(0, labelHead);
      labelHead = 0;
    }
    if (due.length > 0) await side.ingestor.ingestLabels(side.dataset, due);
    await side.dataset.job.run();
    const series = await side.series();
    const active: Record<string, boolean> = {};
    for (const [name, condition] of Object.entries(ALERT_CONDITIONS)) {
      const instances = condition(series, ctx.rules);
      trackers[name]!.evaluate(t, instances);
      active[name] = instances.length > 0;
    }
    conditions.push(active);
    const current = side.dataset.windows.current.values();
    pruneTruth(truth, current);
    timeline.push(reportPoint(t, side.dataset.job.latestReport, realizedAccuracy(current, truth)));
    options.onProgress?.(t / spec.durationS);
  }
  const alertPValue = constantOf(ctx.rules, 'driftwatch:drift_alert_pvalue');
  return summariseRun(spec, { events: n, timeline, conditions, trackers, lastIndex, alertPValue });
}

function reportPoint(t: number, report: DriftReport | null, realized: number | null): ReportPoint {
  let minColumn: string | null = null;
  let minP: number | null = null;
  for (const [name, f] of Object.entries(report?.features ?? {})) {
    const p = f.decision?.pValue ?? f.ks.pValue;
    if (minP === null || p < minP) [minColumn, minP] = [name, p];
  }
  const estimate = report?.estimatedClassification ?? null;
  const band = estimate?.band.accuracy;
  return {
    t,
    driftedFeatures: report?.dataset.driftedFeatures ?? 0,
    predictionPValue: report?.prediction?.chiSquare.pValue ?? null,
    labelPValue: report?.target?.chiSquare.pValue ?? null,
    predictionDecisionPValue: report?.prediction?.decision?.pValue ?? null,
    labelDecisionPValue: report?.target?.decision?.pValue ?? null,
    minColumnDecisionPValue: minP,
    minColumn,
    familyPValue: report?.dataset.familyPValue ?? null,
    accuracy: report?.classification?.accuracy ?? null,
    estimatedAccuracy: estimate?.accuracy ?? null,
    realizedAccuracy: report ? realized : null,
    realizedInsideBand:
      band && realized !== null ? realized >= band.lower && realized <= band.upper : null,
    estimatedBalancedAccuracy: estimate?.balancedAccuracy ?? null,
    estimatedMacroF1: estimate?.macro.f1 ?? null,
  };
}

/** Share of the window's events whose prediction is their true class. */
function realizedAccuracy(
  events: readonly { eventId: string; prediction: string }[],
  truth: ReadonlyMap<string, string>,
): number | null {
  if (events.length === 0) return null;
  let correct = 0;
  for (const e of events) if (truth.get(e.eventId) === e.prediction) correct++;
  return correct / events.length;
}

/** Forgets the truth of events older than the oldest one still in the window (ids in order). */
function pruneTruth(truth: Map<string, string>, current: readonly { eventId: string }[]): void {
  const oldest = current[0]?.eventId;
  if (oldest === undefined) return;
  for (const id of truth.keys()) {
    if (id === oldest) return;
    truth.delete(id);
  }
}
