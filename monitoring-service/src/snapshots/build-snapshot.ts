/**
 * One drift run's computation: windows in, snapshot out. Pure apart from the injected engine.
 */
import type {
  ReferenceProfile,
  DriftTable,
  ReportOptions,
} from '@driftwatch/core/drift/engine-api';
import type { NullCalibrator } from '@driftwatch/core/drift/null-calibrator';
import type { DriftReport } from '@driftwatch/core/drift/report-types';
import type { StoredEvent } from '../store/store.js';
import { profileForTable, windowTable } from '../windows/window-table.js';
import { countValues, sharesOf } from './monitoring-snapshot.js';
import type { MonitoringSnapshot } from './monitoring-snapshot.js';

export type ComputeDriftReport = (
  profile: ReferenceProfile,
  current: DriftTable,
  options?: ReportOptions,
) => DriftReport;

/** Target drift and classification of a table (computeLabelQuality in the real engine). */
export type ComputeLabelQuality = (
  profile: ReferenceProfile,
  labelled: DriftTable,
  options?: ReportOptions,
) => Pick<DriftReport, 'target' | 'classification'>;

export interface SnapshotInput {
  profile: ReferenceProfile;
  /** Calibrates decisions for the windows' shapes; null: rows counted as independent. */
  calibrator: NullCalibrator | null;
  current: readonly StoredEvent[];
  labelled: readonly StoredEvent[];
  minWindowEvents: number;
  options: ReportOptions;
  computeDriftReport: ComputeDriftReport;
  computeLabelQuality: ComputeLabelQuality;
}

export function buildSnapshot(input: SnapshotInput): MonitoringSnapshot {
  const { current, labelled, minWindowEvents } = input;
  const labelledCount = current.filter((e) => e.label !== undefined).length;
  const labelReady = labelled.length >= minWindowEvents;
  const devices = { current: deviceCount(current), labeled: deviceCount(labelled) };
  return {
    windowEvents: { current: current.length, labeled: labelled.length },
    windowDevices: devices,
    report: current.length >= minWindowEvents ? combinedReport(input, labelReady, devices) : null,
    shares: {
      prediction: sharesOf(countValues(current.map((e) => e.prediction))),
      label: labelReady ? sharesOf(countValues(labelled.map((e) => e.label))) : null,
    },
    labelCoverage: current.length > 0 ? labelledCount / current.length : null,
    qualityFloor: labelReady
      ? (input.calibrator?.calibrationFor(labelled.length, devices.labeled).qualityFloor ?? null)
      : null,
  };
}

/** Feature and prediction drift of the current window, target and quality of the labelled one. */
function combinedReport(
  input: SnapshotInput,
  labelReady: boolean,
  devices: { current: number; labeled: number },
): DriftReport {
  const { profile, current, labelled, computeDriftReport } = input;
  const features = profile.featureNames;
  const calibration = input.calibrator?.calibrationFor(current.length, devices.current);
  const options = { ...input.options, calibration };
  if (labelReady && sameEvents(current, labelled)) {
    const table = windowTable(current, features, true);
    return computeDriftReport(profileForTable(profile, table), table, options);
  }
  const table = windowTable(current, features, false);
  const report = computeDriftReport(profileForTable(profile, table), table, options);
  if (!labelReady) return { ...report, target: null, classification: null };
  // The labelled window's features are not tested: only its labels and predictions are read.
  const targetCalibration = input.calibrator?.calibrationFor(labelled.length, devices.labeled);
  const labelOptions = { ...input.options, targetCalibration };
  const quality = input.computeLabelQuality(profile, windowTable(labelled, [], true), labelOptions);
  return { ...report, ...quality };
}

/**
 * How many devices the events come from (metadata.deviceId); an event without one counts as a
 * device of its own, the independent case.
 */
export function deviceCount(events: readonly StoredEvent[]): number {
  const devices = new Set<unknown>();
  let anonymous = 0;
  for (const event of events) {
    const device = event.metadata?.deviceId;
    if (typeof device === 'string' && device !== '') devices.add(device);
    else anonymous++;
  }
  return devices.size + anonymous;
}

/** Both windows hold exactly the same events: one computation covers both. */
function sameEvents(current: readonly StoredEvent[], labelled: readonly StoredEvent[]): boolean {
  if (current.length !== labelled.length) return false;
  const ids = new Set(labelled.map((e) => e.eventId));
  return current.every((e) => e.label !== undefined && ids.has(e.eventId));
}
