import { describe, expect, it } from 'vitest';
import { hashDriftTable } from '../../../core/src/drift/content-hash.js';

const table = {
  rowCount: 3,
  features: { a: [1, 2, 3], b: Float64Array.of(0.5, -0, 7) },
  prediction: ['x', 'y', 'x'],
  target: ['x', null, 'y'],
};

describe('hashDriftTable', () => {
  it('is a SHA-256 hex digest that does not depend on the array type', () => {
    const hash = hashDriftTable(table, ['a', 'b']);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const asArrays = { ...table, features: { a: Float64Array.of(1, 2, 3), b: [0.5, -0, 7] } };
    expect(hashDriftTable(asArrays, ['a', 'b'])).toBe(hash);
  });

  it('changes with any value, the feature order, a label or a target', () => {
    const hash = hashDriftTable(table, ['a', 'b']);
    const variants = [
      hashDriftTable({ ...table, features: { ...table.features, a: [1, 2, 3.0000001] } }, [
        'a',
        'b',
      ]),
      hashDriftTable(table, ['b', 'a']),
      hashDriftTable({ ...table, prediction: ['x', 'y', 'y'] }, ['a', 'b']),
      hashDriftTable({ ...table, target: ['x', 'x', 'y'] }, ['a', 'b']),
      hashDriftTable({ ...table, target: undefined }, ['a', 'b']),
    ];
    expect(new Set([hash, ...variants]).size).toBe(variants.length + 1);
  });
});
