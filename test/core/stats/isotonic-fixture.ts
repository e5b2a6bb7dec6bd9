/**
 * The scikit-learn fixture of the isotonic tests (test/fixtures/stats/isotonic.json, written by
 * generate_isotonic.py beside it).
 */
import { readFixture } from '../../helpers/fixtures.js';

export interface PavCase {
  name: string;
  y: number[];
  w: number[] | null;
  expected: number[];
}

export interface FitCase {
  name: string;
  x: number[];
  y: number[];
  w: number[] | null;
  thresholds: { x: number[]; y: number[] };
  queries: number[];
  predicted: number[];
}

export interface ReferenceCase {
  class: string;
  column: string;
  thresholdCount: number;
  queries: number[];
  predicted: number[];
}

export const isotonicFixture = readFixture<{
  pav: PavCase[];
  fits: FitCase[];
  reference: ReferenceCase[];
}>('stats/isotonic.json');
