import { classSharesSection } from './class-shares-table.js';
import { recordedDecision, thresholdText } from './decision-text.js';
import { featuresTable } from './features-table.js';
import { escapeHtml, formatNumber, formatPercent } from './html-text.js';
import { qualitySection } from './quality-section.js';
import { REPORT_CSS } from './report-css.js';
import type { ReportPage } from './report-page.js';

/**
 * The drift report as one self-contained HTML page: inline CSS and SVG only, no script, no font
 * or image from anywhere else, so it reads the same offline, saved to a file or served. Sections:
 * the facts (dataset, reference hash, model version, window sizes, time), the verdicts, the
 * feature table in severity order with a distribution overlay per feature, prediction and label
 * class shares, and quality with the confusion matrix. Pure: same page in, same string out.
 */
export function renderHtmlReport(page: ReportPage): string {
  const title = `Drift report · ${page.dataset}`;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // An empty inline icon: without it browsers fetch /favicon.ico from wherever the page is.
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head><body><main>`,
    `<header><h1>${escapeHtml(title)}</h1>${facts(page)}</header>`,
    verdicts(page),
    '<h2 id="features">Columns</h2>',
    featuresTable(page),
    '<h2 id="classes">Predictions and labels</h2>',
    classSharesSection(
      'Predicted class',
      page.report.prediction,
      page.classShares.prediction,
      page.settings,
    ),
    classSharesSection('True label', page.report.target, page.classShares.label, page.settings),
    qualitySection(page.report.classification, page.referenceQuality, page.estimatedQuality),
    `<footer>Tests: ${page.settings.tests.numerical.toUpperCase()} for numerical columns, ` +
      `${page.settings.tests.categorical} for classes; α = ${page.settings.alpha}` +
      `${page.settings.benjaminiHochberg ? ' with Benjamini–Hochberg' : ''}; PSI shares floored at ` +
      `${page.settings.psiFloor}.</footer>`,
    '</main></body></html>',
  ].join('\n');
}

function facts(page: ReportPage): string {
  const items = [
    ['computed', page.computedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')],
    ['current window', `${page.windows.current} rows`],
    ['labelled', `${page.windows.labelled} rows`],
    ['reference', `${page.report.rows.reference} rows`],
    ['model', page.modelVersion ?? 'not given'],
  ];
  const list = items.map(([k, v]) => `<li>${k} <b>${escapeHtml(v!)}</b></li>`).join('');
  return (
    `<ul class="facts">${list}<li>reference hash <b class="hash">` +
    `${escapeHtml(page.referenceHash.slice(0, 16))}</b></li></ul>`
  );
}

function verdicts(page: ReportPage): string {
  const { dataset, prediction, target, classification } = page.report;
  const cards = [
    card(
      'Dataset',
      dataset.drifted,
      dataset.drifted ? 'drift' : 'no drift',
      `${dataset.driftedFeatures} of ${dataset.totalFeatures} columns drifted ` +
        `(${formatPercent(dataset.share)}; ${escapeHtml(datasetRule(page))})`,
    ),
    categoricalCard('Prediction', prediction, page),
    categoricalCard('Label', target, page),
    classification
      ? card(
          'Accuracy',
          null,
          formatNumber(classification.accuracy, 3),
          page.referenceQuality
            ? `reference ${formatNumber(page.referenceQuality.accuracy, 3)}`
            : 'no reference quality',
        )
      : card('Accuracy', null, '–', 'no labelled rows yet'),
  ];
  return `<section class="verdicts" aria-label="Verdicts">${cards.join('')}</section>`;
}

function categoricalCard(
  name: string,
  drift: ReportPage['report']['prediction'],
  page: ReportPage,
): string {
  if (!drift) return card(name, null, 'not compared', 'no values on a side');
  return card(
    name,
    drift.drifted,
    drift.drifted ? 'drift' : 'no drift',
    `χ² p ${formatNumber(drift.chiSquare.pValue, 4)} (${escapeHtml(thresholdText(drift, page.settings))})`,
  );
}

function card(name: string, bad: boolean | null, value: string, detail: string): string {
  const tone = bad === null ? 'none' : bad ? 'bad' : 'ok';
  return (
    `<div class="verdict ${tone}"><h3>${name}</h3><p>${escapeHtml(value)}` +
    `<small>${detail}</small></p></div>`
  );
}

/** The dataset's rule: its recorded decision, or the drift share of the settings. */
function datasetRule(page: ReportPage): string {
  if (recordedDecision(page.report.dataset))
    return thresholdText(page.report.dataset, page.settings);
  return `drifts at share ≥ ${page.settings.driftShare}`;
}
