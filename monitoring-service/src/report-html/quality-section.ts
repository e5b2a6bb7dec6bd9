import type { ClassificationQuality } from '@driftwatch/core/drift/report-types';
import { escapeHtml, formatNumber } from './html-text.js';

const METRICS: readonly [string, (q: ClassificationQuality) => number][] = [
  ['accuracy', (q) => q.accuracy],
  ['balanced accuracy', (q) => q.balancedAccuracy],
  ['macro precision', (q) => q.macro.precision],
  ['macro recall', (q) => q.macro.recall],
  ['macro F1', (q) => q.macro.f1],
  ['weighted F1', (q) => q.weighted.f1],
];

/**
 * Classification quality of the labelled window against the reference's (a drop of more than
 * 0.05 is shown in red, as a cue for the eye; alerts decide elsewhere), then the current
 * confusion matrix as a heat map (rows = truth; a cell's colour is its share of the row) whose
 * cells also show the counts, so the table is its own text alternative. Pure.
 */
export function qualitySection(
  current: ClassificationQuality | null,
  reference: ClassificationQuality | null,
  estimated: Readonly<Record<string, number>> | null | undefined,
): string {
  const heading = '<h2 id="quality">Quality</h2>';
  const estimate = estimated ? estimatedTable(estimated) : '';
  if (!current) {
    return `${heading}<p class="muted">No labelled rows in the window yet: quality is not measured.</p>${estimate}`;
  }
  const rows = METRICS.map(([name, of]) => {
    const now = of(current);
    const before = reference ? of(reference) : null;
    const delta = before === null ? '' : signed(now - before);
    const worse = before !== null && now < before - 0.05 ? ' worse' : '';
    return (
      `<tr><th scope="row">${name}</th><td class="num">${before === null ? '–' : formatNumber(before)}</td>` +
      `<td class="num${worse}">${formatNumber(now)}</td><td class="num${worse}">${delta}</td></tr>`
    );
  });
  return (
    heading +
    '<div class="scroll"><table class="quality"><caption>Current window against the reference</caption>' +
    '<thead><tr><th scope="col">metric</th><th scope="col">reference</th><th scope="col">current</th>' +
    `<th scope="col">change</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>` +
    estimate +
    confusionHeatmap(current)
  );
}

function estimatedTable(estimated: Readonly<Record<string, number>>): string {
  const rows = Object.entries(estimated).map(
    ([metric, value]) =>
      `<tr><th scope="row">${escapeHtml(metric)}</th><td class="num">${formatNumber(value)}</td></tr>`,
  );
  return (
    '<div class="scroll"><table class="quality"><caption>Estimated quality (without labels)</caption>' +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

function confusionHeatmap(quality: ClassificationQuality): string {
  const { labels, confusionMatrix } = quality;
  const head = labels.map((l) => `<th scope="col">${escapeHtml(l)}</th>`).join('');
  const rows = confusionMatrix.map((row, i) => {
    const total = row.reduce((sum, n) => sum + n, 0);
    const cells = row.map((count, j) => {
      const share = total > 0 ? count / total : 0;
      const tone = i === j ? '44,160,120' : '214,96,45';
      const ink = share > 0.55 ? ' class="ink"' : '';
      return `<td${ink} style="background:rgba(${tone},${share.toFixed(3)})">${count}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(labels[i] ?? '')}</th>${cells.join('')}</tr>`;
  });
  return (
    '<p class="caption" id="confusion-caption">Confusion matrix of the labelled window (rows: ' +
    'true class, columns: predicted class; colour: share of the row)</p>' +
    '<div class="scroll"><table class="confusion" aria-labelledby="confusion-caption">' +
    `<thead><tr><th scope="col">true \\ predicted</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(4)}`;
}
