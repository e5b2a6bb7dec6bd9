import { describe, expect, it } from 'vitest';
import { fitReferenceProfile } from '../../../core/src/drift/reference-profile.js';
import { computeDriftReport } from '../../../core/src/drift/compute-report.js';
import { reportSettings } from '../../../core/src/drift/report-settings.js';
import { renderHtmlReport } from '../../../monitoring-service/src/report-html/render-html-report.js';
import { reportPage } from '../../../monitoring-service/src/report-html/report-page.js';

const evil = '<img src=x onerror=alert(1)>';
const reference = {
  rowCount: 8,
  features: { [evil]: [1, 2, 3, 4, 5, 6, 7, 8], calm: [1, 1, 2, 2, 3, 3, 4, 4] },
  prediction: ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'],
  target: ['a', 'b', 'a', 'b', 'a', 'a', 'a', 'b'],
};
const current = {
  rowCount: 6,
  features: { [evil]: [10, 11, 12, 13, 14, 15], calm: [1, 2, 3, 4, 2, 3] },
  prediction: ['a', 'a', 'a', 'a', 'b', 'a'],
  target: ['a', 'a', 'b', 'a', null, 'a'],
};
const settings = reportSettings({ alpha: 0.05, driftShare: 0.5, benjaminiHochberg: false });

function page(report = computeDriftReport(profile(), current)) {
  return reportPage({
    dataset: 'demo & co',
    modelVersion: 'm-1',
    computedAtMs: Date.parse('2024-05-01T12:00:00Z'),
    profile: profile(),
    report,
    settings,
    current,
    labelled: current,
  });
}

function profile() {
  return fitReferenceProfile(reference, [evil, 'calm']);
}

describe('renderHtmlReport', () => {
  it('is one page with no script, no external reference and escaped names', () => {
    const html = renderHtmlReport(page());
    expect(html).not.toMatch(/<script|https?:\/\/|@import|url\(/i);
    expect(html).not.toContain(evil);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Drift report · demo &amp; co');
    expect(html).toContain('2024-05-01 12:00:00 UTC');
    expect(html).toContain('model <b>m-1</b>');
  });

  it('draws one chart per column with a text alternative, and the confusion matrix', () => {
    const html = renderHtmlReport(page());
    expect(html.match(/<svg class="dist"/g)).toHaveLength(2);
    expect(html.match(/<desc id="f\d-d">/g)).toHaveLength(2);
    expect(html).toContain('<table class="confusion" aria-labelledby="confusion-caption">');
  });

  it('shows p < α without a recorded decision, and the recorded method and threshold with one', () => {
    const report = computeDriftReport(profile(), current);
    const { decision: _recorded, ...undecided } = report.features.calm!;
    const older = { ...report, features: { ...report.features, calm: undecided } };
    expect(renderHtmlReport(page(older))).toContain('<td data-label="threshold">p &lt; 0.05</td>');
    const calm = {
      ...report.features.calm!,
      decision: { method: 'ks_calibrated', statistic: 0.2, pValue: 0.6, threshold: 0.37 },
    };
    const decided = { ...report, features: { ...report.features, calm: calm } };
    expect(renderHtmlReport(page(decided))).toContain('ks_calibrated, threshold 0.3700');
  });
});
