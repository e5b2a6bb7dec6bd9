/**
 * GET /v1/datasets/:dataset/report.html: the latest report as one self-contained HTML page,
 * drawn from the same run as the JSON report (its window events, its time). Read access follows
 * the JSON report's rules.
 */
import type { RequestHandler } from 'express';
import type { MonitoredDataset } from '../datasets/monitored-dataset.js';
import { resolveThresholds } from '@driftwatch/core/drift/decision-rules';
import { reportSettings } from '@driftwatch/core/drift/report-settings';
import { renderHtmlReport } from '../report-html/render-html-report.js';
import { reportPage } from '../report-html/report-page.js';
import { profileForTable, windowTable } from '../windows/window-table.js';
import { appError } from './errors.js';
import { datasetOf } from './middleware.js';

export function reportPageHandler(): RequestHandler {
  return (req, res) => {
    // Rendered before any header is set, so a missing report still answers as JSON.
    const html = htmlReportOf(datasetOf(req));
    res.type('html').set('cache-control', 'no-store').send(html);
  };
}

function htmlReportOf(dataset: MonitoredDataset): string {
  const run = dataset.job.latestRun;
  if (!run) throw appError('report_not_ready');
  const { definition } = dataset;
  const { report } = run;
  const labelsUsed = report.target !== null || report.classification !== null;
  const current = windowTable(run.current, dataset.job.profile.featureNames, false);
  const page = reportPage({
    dataset: definition.name,
    modelVersion: definition.modelVersion,
    computedAtMs: run.computedAtMs,
    profile: profileForTable(dataset.job.profile, current),
    report,
    settings: reportSettings(resolveThresholds(definition.reportOptions)),
    current,
    labelled: windowTable(labelsUsed ? run.labelled : [], [], true),
  });
  return renderHtmlReport(page);
}
