/**
 * What one drift run produces for a dataset and what the metrics publish from: the combined drift
 * report plus the few window facts the report does not carry (sizes, class shares, coverage).
 */
import type { QualityFloor } from '@driftwatch/core/drift/null-calibration';
import type { ClassificationQuality, DriftReport } from '@driftwatch/core/drift/report-types';

/** Share of each class among the known values of a column. */
export type ClassShares = Record<string, number>;

export interface MonitoringSnapshot {
  windowEvents: { current: number; labeled: number };
  /** Devices among each window's events (metadata.deviceId; events without one count alone). */
  windowDevices: { current: number; labeled: number };
  /**
   * Features and prediction drift from the current window; target drift and classification from
   * the labelled window (null while it is below its minimum). Null while the current window is
   * below its minimum.
   */
  report: DriftReport | null;
  shares: { prediction: ClassShares | null; label: ClassShares | null };
  /** Share of the current window's events that have a label; null for an empty window. */
  labelCoverage: number | null;
  /**
   * Quality that drift-free reference windows shaped like the labelled one stay above (their 1st
   * percentile); null while the labelled window is below its minimum or without calibration.
   */
  qualityFloor: QualityFloor | null;
}

/** The reference side, published once when the reference is loaded. */
export interface ReferenceSummary {
  hash: string;
  modelVersion: string;
  quality: ClassificationQuality | null;
  shares: { prediction: ClassShares | null; label: ClassShares | null };
}

export function sharesOf(counts: ReadonlyMap<string, number> | null): ClassShares | null {
  if (!counts) return null;
  let total = 0;
  for (const count of counts.values()) total += count;
  if (total === 0) return null;
  const shares: ClassShares = {};
  for (const [name, count] of counts) shares[name] = count / total;
  return shares;
}

export function countValues(values: Iterable<string | null | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) {
    if (value !== null && value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}
