/**
 * Everything the HTML report shows, gathered once: the drift report and its settings, the facts
 * around it (dataset, reference, model, windows, time) and the per-feature and per-class shares
 * the charts draw. Built by `reportPage`; rendered by `renderHtmlReport`.
 */
import type { BinShares } from '@driftwatch/core/drift/bin-shares';
import { binShares } from '@driftwatch/core/drift/bin-shares';
import type { DriftTable, ReferenceProfile } from '@driftwatch/core/drift/engine-api';
import type { ReportSettings } from '@driftwatch/core/drift/report-settings';
import type { ClassificationQuality, DriftReport } from '@driftwatch/core/drift/report-types';

/** Share of each class among the known values of a column, reference against current. */
export interface ClassShareComparison {
  reference: Record<string, number>;
  current: Record<string, number>;
}

export interface ReportPage {
  dataset: string;
  referenceHash: string;
  /** Null when unknown (the CLI reads files without a schema). */
  modelVersion: string | null;
  /** ISO-8601 time the report was computed. */
  computedAt: string;
  /** Rows behind the feature tests and behind the label-based sections. */
  windows: { current: number; labelled: number };
  report: DriftReport;
  settings: ReportSettings;
  distributions: Record<string, BinShares>;
  classShares: { prediction: ClassShareComparison | null; label: ClassShareComparison | null };
  referenceQuality: ClassificationQuality | null;
  /** Label-free quality estimate per metric, when the service has one. */
  estimatedQuality?: Readonly<Record<string, number>> | null;
}

export interface ReportPageInput {
  dataset: string;
  modelVersion: string | null;
  computedAtMs: number;
  profile: ReferenceProfile;
  report: DriftReport;
  settings: ReportSettings;
  /** The table the features and prediction were tested on. */
  current: DriftTable;
  /** The table target drift and quality come from (may be `current`). */
  labelled: DriftTable;
}

/** Gathers a report page: bin shares of the current table and class shares of both sides. Pure. */
export function reportPage(input: ReportPageInput): ReportPage {
  const { profile, current, labelled } = input;
  const labels = labelled.target?.filter((value): value is string => value !== null) ?? [];
  return {
    dataset: input.dataset,
    referenceHash: profile.hash,
    modelVersion: input.modelVersion,
    computedAt: new Date(input.computedAtMs).toISOString(),
    windows: { current: current.rowCount, labelled: labels.length },
    report: input.report,
    settings: input.settings,
    distributions: binShares(profile, current),
    classShares: {
      prediction: compareShares(profile.predictionCounts, current.prediction ?? []),
      label: compareShares(profile.targetCounts, labels),
    },
    referenceQuality: profile.quality,
  };
}

function compareShares(
  referenceCounts: ReadonlyMap<string, number> | null,
  currentValues: readonly string[],
): ClassShareComparison | null {
  if (!referenceCounts || currentValues.length === 0) return null;
  const current = new Map<string, number>();
  for (const value of currentValues) current.set(value, (current.get(value) ?? 0) + 1);
  return { reference: sharesOf(referenceCounts), current: sharesOf(current) };
}

function sharesOf(counts: ReadonlyMap<string, number>): Record<string, number> {
  let total = 0;
  for (const count of counts.values()) total += count;
  const shares: Record<string, number> = {};
  for (const [name, count] of counts) shares[name] = total > 0 ? count / total : 0;
  return shares;
}
