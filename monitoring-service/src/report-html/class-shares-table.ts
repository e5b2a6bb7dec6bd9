import type { CategoricalDrift } from '@driftwatch/core/drift/report-types';
import type { ReportSettings } from '@driftwatch/core/drift/report-settings';
import { thresholdText } from './decision-text.js';
import { escapeHtml, formatNumber, formatP, formatPercent } from './html-text.js';
import type { ClassShareComparison } from './report-page.js';

/**
 * One categorical column (prediction or label): its drift test line and a table of class shares,
 * reference against current, each row with two horizontal bars on a common scale. Classes are
 * listed by the largest change of share first. Pure.
 */
export function classSharesSection(
  title: string,
  drift: CategoricalDrift | null,
  shares: ClassShareComparison | null,
  settings: ReportSettings,
): string {
  const heading = `<h3>${escapeHtml(title)}</h3>`;
  if (!drift && !shares) return `${heading}<p class="muted">Not compared: no values on a side.</p>`;
  const test = drift
    ? `<p class="test"><span class="badge ${drift.drifted ? 'bad' : 'ok'}">${drift.drifted ? 'drifted' : 'no drift'}</span> ` +
      `χ² ${formatNumber(drift.chiSquare.statistic, 2)} (dof ${drift.chiSquare.dof}), ` +
      `p ${formatP(drift.chiSquare.pValue)} (${escapeHtml(thresholdText(drift, settings))}), ` +
      `Jensen–Shannon ${formatNumber(drift.jensenShannon)}, PSI ${formatNumber(drift.psi)}</p>`
    : '<p class="muted">Not tested: the column has no values on a side.</p>';
  return heading + test + (shares ? sharesTable(title, shares) : '');
}

function sharesTable(title: string, shares: ClassShareComparison): string {
  const classes = [...new Set([...Object.keys(shares.reference), ...Object.keys(shares.current)])];
  const change = (name: string) =>
    Math.abs((shares.current[name] ?? 0) - (shares.reference[name] ?? 0));
  classes.sort((a, b) => change(b) - change(a) || (a < b ? -1 : a > b ? 1 : 0));
  const highest = Math.max(...Object.values(shares.reference), ...Object.values(shares.current));
  const rows = classes.map((name) => {
    const reference = shares.reference[name] ?? 0;
    const current = shares.current[name] ?? 0;
    return (
      `<tr><th scope="row">${escapeHtml(name)}</th><td class="num">${formatPercent(reference)}</td>` +
      `<td class="num">${formatPercent(current)}</td><td class="bars">${shareBars(reference, current, highest)}</td></tr>`
    );
  });
  return (
    `<div class="scroll"><table class="shares"><caption>${escapeHtml(title)}: share of each class</caption>` +
    '<thead><tr><th scope="col">class</th><th scope="col">reference</th><th scope="col">current</th>' +
    `<th scope="col"><span class="key ref"></span>ref<span class="key cur"></span>cur</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

function shareBars(reference: number, current: number, highest: number): string {
  const width = (share: number) => ((100 * share) / (highest || 1)).toFixed(1);
  return (
    '<svg class="sharebars" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true">' +
    `<rect class="ref" x="0" y="0" width="${width(reference)}" height="5"/>` +
    `<rect class="cur" x="0" y="6" width="${width(current)}" height="5"/></svg>`
  );
}
