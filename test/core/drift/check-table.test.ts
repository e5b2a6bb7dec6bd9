import { describe, expect, it } from 'vitest';
import { checkDriftTable, DriftTableError } from '../../../core/src/drift/check-table.js';

describe('checkDriftTable', () => {
  it('accepts a consistent table', () => {
    const table = {
      rowCount: 2,
      features: { a: [1, 2] },
      prediction: ['x', 'y'],
      target: ['x', null],
    };
    expect(() => checkDriftTable(table, ['a'], 'f')).not.toThrow();
  });

  it.each([
    ['no rows', { rowCount: 0, features: { a: [] } }, /f requires at least one row/],
    ['a missing feature', { rowCount: 1, features: {} }, /f requires feature column "a"/],
    ['a short feature', { rowCount: 2, features: { a: [1] } }, /2 values in feature "a"/],
    ['a non-finite value', { rowCount: 2, features: { a: [1, Number.NaN] } }, /"a" row 1 is NaN/],
    ['a short prediction', { rowCount: 1, features: { a: [1] }, prediction: [] }, /prediction/],
    ['a long target', { rowCount: 1, features: { a: [1] }, target: [null, null] }, /target/],
  ])('rejects %s', (_, table, message) => {
    expect(() => checkDriftTable(table, ['a'], 'f')).toThrow(DriftTableError);
    expect(() => checkDriftTable(table, ['a'], 'f')).toThrow(message);
  });
});
