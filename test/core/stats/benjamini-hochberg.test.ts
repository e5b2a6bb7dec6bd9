import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../core/src/stats/benjamini-hochberg.js';
import { readFixture } from '../../helpers/fixtures.js';
import { expectAllClose } from '../../monitoring-service/expect-close.js';

interface BhCase {
  pValues: number[];
  adjusted: number[];
}

const { cases } = readFixture<{ cases: BhCase[] }>('stats/benjamini-hochberg.json');

describe('benjaminiHochberg', () => {
  it('matches scipy false_discovery_control(method="bh"), in input order', () => {
    for (const c of cases) expectAllClose(benjaminiHochberg(c.pValues), c.adjusted, 'adjusted');
  });

  it('returns an empty array for no p-values', () => {
    expect(benjaminiHochberg([]).length).toBe(0);
  });

  it('rejects p-values outside [0, 1] and NaN', () => {
    expect(() => benjaminiHochberg([0.2, 1.5])).toThrow(/benjaminiHochberg requires p-values/);
    expect(() => benjaminiHochberg([Number.NaN])).toThrow(/in \[0, 1\]/);
  });
});
