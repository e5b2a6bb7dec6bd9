import type { CategoricalDrift, DriftReport } from '@driftwatch/core/drift/report-types';
import { featuresBySeverity } from '@driftwatch/core/drift/severity-order';

/**
 * The drift report as a table for people: one line per feature (KS D, p-value, PSI, decision),
 * most severe first (featuresBySeverity: drifted, then KS D descending, then p ascending), the
 * prediction and target lines, classification quality, the label-free estimate of it, and the
 * dataset summary last.
 * Pure; `alpha` is only shown.
 */
export function formatTextReport(report: DriftReport, alpha: number): string {
  const names = featuresBySeverity(report);
  const adjusted = names.some((name) => report.features[name]!.ks.adjustedPValue !== undefined);
  const header = ['feature', 'KS D', 'p-value', ...(adjusted ? ['BH p'] : []), 'PSI', 'drifted'];
  const rows = names.map((name) => {
    const { ks, psi, drifted } = report.features[name]!;
    const adjustedCell = adjusted ? [formatP(ks.adjustedPValue!)] : [];
    return [
      name,
      ks.statistic.toFixed(4),
      formatP(ks.pValue),
      ...adjustedCell,
      psi.toFixed(4),
      yesNo(drifted),
    ];
  });
  const { dataset } = report;
  const lines = [
    `Drift report: reference ${report.rows.reference} rows, current ${report.rows.current} rows, α = ${alpha}`,
    '',
    ...alignColumns([header, ...rows]),
    '',
    `prediction: ${categoricalLine(report.prediction)}`,
    `target:     ${categoricalLine(report.target)}`,
    `classification: ${classificationLine(report)}`,
    `estimated:      ${estimatedLine(report)}`,
    `dataset: ${dataset.driftedFeatures} of ${dataset.totalFeatures} features drifted ` +
      `(share ${dataset.share.toFixed(2)}) → ${dataset.drifted ? 'DRIFT' : 'no drift'}`,
  ];
  return `${lines.join('\n')}\n`;
}

function categoricalLine(drift: CategoricalDrift | null): string {
  if (!drift) return 'not compared (column absent or without values on a side)';
  const { statistic, dof, pValue } = drift.chiSquare;
  return (
    `chi² ${statistic.toFixed(3)} (dof ${dof}), p ${formatP(pValue)}, ` +
    `JS ${drift.jensenShannon.toFixed(4)}, PSI ${drift.psi.toFixed(4)} → ` +
    (drift.drifted ? 'drifted' : 'no drift')
  );
}

function classificationLine({ classification }: DriftReport): string {
  if (!classification) return 'none (no current row has both target and prediction)';
  const labelled = classification.confusionMatrix.flat().reduce((sum, n) => sum + n, 0);
  return (
    `${labelled} labelled rows, accuracy ${classification.accuracy.toFixed(4)}, ` +
    `balanced accuracy ${classification.balancedAccuracy.toFixed(4)}, ` +
    `macro F1 ${classification.macro.f1.toFixed(4)}`
  );
}

function estimatedLine({ estimatedClassification: e }: DriftReport): string {
  if (!e) return 'none (no probabilities to calibrate, or no current row with them)';
  const { lower, upper } = e.band.accuracy;
  return (
    `${e.rows} rows, accuracy ${e.accuracy.toFixed(4)} ` +
    `(${Math.round(e.band.confidence * 100)}% band ${lower.toFixed(4)}–${upper.toFixed(4)}), ` +
    `balanced accuracy ${e.balancedAccuracy.toFixed(4)}, macro F1 ${e.macro.f1.toFixed(4)}`
  );
}

function formatP(p: number): string {
  return p !== 0 && p < 1e-4 ? p.toExponential(2) : p.toFixed(4);
}

function yesNo(drifted: boolean): string {
  return drifted ? 'yes' : 'no';
}

/** Pads cells so columns line up: the first column left-aligned, the others right-aligned. */
function alignColumns(table: readonly string[][]): string[] {
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  return table.map((row) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}
