/**
 * The evaluation's results as markdown: drift-free runs, each scenario's detection, then the
 * label-free accuracy estimate's error.
 */
import type {
  AlertOutcome,
  EstimateError,
  LowestEstimate,
  PValueSeries,
  RunResult,
} from './run-spec.js';

const pct = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)} %`;

function falseCell(a: AlertOutcome | undefined): string {
  if (!a || a.falseFirings === 0) return '0';
  return `${a.falseFirings} (${Math.round(a.falseFiringSeconds)} s)`;
}

function detectionCell(a: AlertOutcome | undefined): string {
  if (!a || a.firstFiringAfterOnsetS === null) return '–';
  return `${Math.round(a.firstFiringAfterOnsetS)} s`;
}

export function formatMarkdown(runs: readonly RunResult[], alerts: readonly string[]): string {
  const none = runs.filter((r) => r.spec.onsetS === null);
  const drift = runs.filter((r) => r.spec.onsetS !== null);
  const lines: string[] = [];
  if (none.length > 0) {
    lines.push(
      '### Drift-free traffic (scenario none)',
      '',
      'Share of reports (every 10 simulated seconds) whose decision was reached, and alert firings as',
      "count (total firing time) after the rules' `for:` durations.",
      '',
      `| run | devices | hours | dataset drift | prediction drift | label χ² p < 0.05 | mean drifted features | ${alerts.join(' | ')} |`,
      `| --- | --- | --- | --- | --- | --- | --- | ${alerts.map(() => '---').join(' | ')} |`,
    );
    for (const r of none) {
      const b = r.beforeOnset;
      lines.push(
        `| ${r.spec.id} | ${r.spec.devices} | ${(r.spec.durationS / 3600).toFixed(2)} | ${pct(b.datasetDrift)} | ${pct(b.predictionDrift)} | ${pct(b.labelChiSquareBelowAlpha)} | ${b.meanDriftedFeatures.toFixed(1)} | ${alerts.map((a) => falseCell(r.alerts[a])).join(' | ')} |`,
      );
    }
    lines.push('', ...pValueTable(none));
  }
  if (drift.length > 0) {
    lines.push(
      '### Drift scenarios',
      '',
      'First firing after the onset (simulated seconds, window turnover and `for:` included; – never),',
      'and false firings before the onset.',
      '',
      `| scenario | devices | ${alerts.join(' | ')} | false firings before onset |`,
      `| --- | --- | ${alerts.map(() => '---').join(' | ')} | --- |`,
    );
    for (const r of drift) {
      const early = alerts
        .filter((a) => (r.alerts[a]?.falseFirings ?? 0) > 0)
        .map((a) => `${a} ${falseCell(r.alerts[a])}`);
      lines.push(
        `| ${r.spec.scenario} | ${r.spec.devices} | ${alerts.map((a) => detectionCell(r.alerts[a])).join(' | ')} | ${early.join(', ') || '0'} |`,
      );
    }
    lines.push('');
  }
  lines.push(...estimateTable(runs));
  return lines.join('\n');
}

const heldCell = (s: PValueSeries) =>
  `${s.reportsBelowLevel} / ${s.lowestHeld === null ? '–' : s.lowestHeld.toFixed(3)}`;

/** How near the p-values the drift alerts page on came to the paging level, per drift-free run. */
function pValueTable(runs: readonly RunResult[]): string[] {
  return [
    'The decision p-values the drift alerts page on: reports below the paging level',
    "(`driftwatch:drift_alert_pvalue`) / the lowest value held for the alert's `for:` duration (the",
    'highest value over each span of reports that long, then the lowest such). An alert pages only',
    'when the second is below the level.',
    '',
    "| run | devices | prediction | label | features' family |",
    '| --- | --- | --- | --- | --- |',
    ...runs.map((r) => {
      const { prediction, label, featureFamily } = r.beforeOnset.pValues;
      return `| ${r.spec.id} | ${r.spec.devices} | ${heldCell(prediction)} | ${heldCell(label)} | ${heldCell(featureFamily)} |`;
    }),
    '',
  ];
}

const errorCell = (e: EstimateError | null) =>
  e === null ? '–' : `${e.medianAbsError.toFixed(3)} / ${e.p90AbsError.toFixed(3)}`;
const bandCell = (e: EstimateError | null) =>
  e === null ? '–' : `${(100 * e.insideBand).toFixed(0)} %`;
const lowestCell = (e: LowestEstimate | null) =>
  e === null
    ? '–'
    : [e.accuracy, e.balancedAccuracy, e.f1Macro].map((v) => v.toFixed(3)).join(' / ');

/** The label-free accuracy estimate against the true accuracy of the same window, per run. */
function estimateTable(runs: readonly RunResult[]): string[] {
  if (runs.length === 0) return [];
  return [
    '### Label-free accuracy estimate',
    '',
    '|estimated − true accuracy| of the current window, median / 90th percentile over reports,',
    "and the share of reports whose true accuracy was inside the estimate's 95 % band: before the",
    'onset, and once the window holds only post-onset traffic. Lowest estimate before the onset:',
    'accuracy / balanced accuracy / macro F1.',
    '',
    '| run | devices | before onset | in band | after onset | in band | lowest estimate before onset |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map((r) => {
      const { beforeOnset, afterOnset, lowestBeforeOnset } = r.estimate;
      const cells = [errorCell(beforeOnset), bandCell(beforeOnset), errorCell(afterOnset)];
      cells.push(bandCell(afterOnset), lowestCell(lowestBeforeOnset));
      return `| ${r.spec.id} | ${r.spec.devices} | ${cells.join(' | ')} |`;
    }),
    '',
  ];
}
