import { featuresBySeverity } from '@driftwatch/core/drift/severity-order';
import { thresholdText } from './decision-text.js';
import { distributionChart } from './distribution-chart.js';
import { escapeHtml, formatNumber, formatP } from './html-text.js';
import type { ReportPage } from './report-page.js';

/**
 * Every tested column (features and monitored columns) in severity order (see
 * featuresBySeverity): decision, KS statistic, p-value (and the Benjamini–Hochberg p when the
 * report has it), PSI, the threshold that decided, and the distribution overlay. Pure.
 */
export function featuresTable(page: ReportPage): string {
  const { report, settings } = page;
  const names = featuresBySeverity(report);
  const adjusted = names.some((n) => report.features[n]!.ks.adjustedPValue !== undefined);
  const rows = names.map((name, index) => {
    const feature = report.features[name]!;
    const shares = page.distributions[name];
    const chart = shares ? distributionChart(name, shares, `f${index}`) : '';
    const bh = adjusted
      ? `<td class="num" data-label="BH p">${formatP(feature.ks.adjustedPValue ?? Number.NaN)}</td>`
      : '';
    const pName = adjusted ? 'BH p' : 'p';
    return (
      `<tr class="${feature.drifted ? 'drifted' : 'stable'}" data-feature="${escapeHtml(name)}">` +
      `<th scope="row">${escapeHtml(name)}</th>` +
      `<td data-label="decision"><span class="badge ${feature.drifted ? 'bad' : 'ok'}">${feature.drifted ? 'drifted' : 'no drift'}</span></td>` +
      `<td class="num" data-label="KS D">${formatNumber(feature.ks.statistic)}</td>` +
      `<td class="num" data-label="p-value">${formatP(feature.ks.pValue)}</td>${bh}` +
      `<td class="num" data-label="PSI">${formatNumber(feature.psi)}</td>` +
      `<td data-label="threshold">${escapeHtml(thresholdText(feature, settings, pName))}</td>` +
      `<td class="chart">${chart}</td></tr>`
    );
  });
  const bhHead = adjusted ? '<th scope="col">BH p</th>' : '';
  return (
    '<p class="legend">Sorted by severity: drifted first, then by KS statistic (largest first), ' +
    'then by p-value. Charts: share of rows per reference bin,' +
    '<span class="key ref"></span>reference<span class="key cur"></span>current.</p>' +
    '<div class="scroll"><table class="features"><thead><tr><th scope="col">column</th>' +
    '<th scope="col">decision</th><th scope="col">KS D</th><th scope="col">p-value</th>' +
    `${bhHead}<th scope="col">PSI</th><th scope="col">threshold</th>` +
    `<th scope="col">distribution</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}
