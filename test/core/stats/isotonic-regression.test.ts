import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../core/src/drift/parse-csv.js';
import { isotonicPredict } from '../../../core/src/stats/isotonic-predict.js';
import { isotonicRegression } from '../../../core/src/stats/isotonic-regression.js';
import { REPO_ROOT } from '../../prometheus/repo-paths.js';
import { expectAllClose } from '../../monitoring-service/expect-close.js';
import { isotonicFixture } from './isotonic-fixture.js';

describe('isotonicRegression and isotonicPredict', () => {
  it.each(isotonicFixture.fits.map((c) => [c.name, c] as const))(
    'match scikit-learn IsotonicRegression: %s',
    (_, c) => {
      const fit = isotonicRegression(c.x, c.y, c.w ?? undefined);
      expectAllClose(fit.x, c.thresholds.x, `${c.name} thresholds x`, 1e-15);
      expectAllClose(fit.y, c.thresholds.y, `${c.name} thresholds y`, 1e-12);
      const predicted = c.queries.map((q) => isotonicPredict(fit, q));
      expectAllClose(predicted, c.predicted, `${c.name} predict`, 1e-12);
    },
  );

  it('matches scikit-learn on every class of the reference table, one against the rest', () => {
    const records = parseCsv(readFileSync(join(REPO_ROOT, 'reference-data/reference.csv'), 'utf8'));
    const labels = records.rows.map((row) => String(row.label));
    for (const c of isotonicFixture.reference) {
      const x = records.rows.map((row) => Number(row[c.column]));
      const fit = isotonicRegression(
        x,
        labels.map((label) => (label === c.class ? 1 : 0)),
      );
      // The fixture is of the committed table: after `npm run build:reference`, regenerate it.
      const which = `${c.class} (stale after a reference rebuild? run generate_isotonic.py)`;
      expect(fit.x.length, which).toBe(c.thresholdCount);
      const predicted = c.queries.map((q) => isotonicPredict(fit, q));
      expectAllClose(predicted, c.predicted, which, 1e-12);
    }
  });

  it('interpolates linearly between thresholds and clips outside them', () => {
    const fit = isotonicRegression([0, 1, 2], [0, 2, 1]);
    expect([...fit.x]).toEqual([0, 1, 2]);
    expect([...fit.y]).toEqual([0, 1.5, 1.5]);
    expect(isotonicPredict(fit, 0.5)).toBe(0.75);
    expect(isotonicPredict(fit, -3)).toBe(0);
    expect(isotonicPredict(fit, 7)).toBe(1.5);
  });

  it('rejects empty, mismatched and non-finite inputs', () => {
    expect(() => isotonicRegression([], [])).toThrow(/at least one row/);
    expect(() => isotonicRegression([1, 2], [1])).toThrow(/equal length/);
    expect(() => isotonicRegression([1, Number.NaN], [1, 2])).toThrow(/finite x and y/);
    expect(() => isotonicRegression([1, 2], [1, 2], [1, -1])).toThrow(/positive weights/);
    expect(() => isotonicPredict(isotonicRegression([1], [1]), Number.NaN)).toThrow(/NaN/);
  });
});
