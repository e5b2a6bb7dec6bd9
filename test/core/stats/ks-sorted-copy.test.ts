import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/src/random/prng.js';
import { sortedFiniteCopy } from '../../../core/src/stats/ks-sorted-copy.js';

function expectSortedPermutation(input: ArrayLike<number>, label: string) {
  const got = sortedFiniteCopy(input, 'test', 'values');
  expect(Array.from(got), label).toEqual(Array.from(Float64Array.from(input).sort()));
}

describe('sortedFiniteCopy', () => {
  it('sorts like Float64Array.prototype.sort across shapes of data', () => {
    const random = createRng(7).next;
    const shapes: Record<string, (i: number) => number> = {
      uniform: () => random(),
      normalish: () => random() + random() + random() - 1.5,
      'heavy tail': () => 1 / (random() - 0.5),
      clustered: () => (random() < 0.99 ? random() * 1e-9 : 1e6 * random()),
      'few distinct values': () => Math.floor(random() * 4),
      descending: (i) => -i,
      'huge range': () => (random() - 0.5) * 1.7e308,
    };
    for (const [shape, draw] of Object.entries(shapes)) {
      for (const size of [0, 1, 2, 63, 64, 1000, 5000]) {
        const values = Array.from({ length: size }, (_, i) => draw(i));
        expectSortedPermutation(values, `${shape}, ${size} values`);
      }
    }
  });

  it('leaves its input alone', () => {
    const input = Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    const before = [...input];
    sortedFiniteCopy(input, 'test', 'values');
    expect(input).toEqual(before);
  });

  it('names the caller, the sample and the index of a non-finite value', () => {
    expect(() => sortedFiniteCopy([1, 2, Number.NaN], 'ksTwoSample', 'current')).toThrow(
      new RangeError('ksTwoSample requires finite values; current[2] is NaN'),
    );
    const many = Array.from({ length: 500 }, (_, i) => i);
    many[321] = Number.POSITIVE_INFINITY;
    expect(() => sortedFiniteCopy(many, 'f', 'x')).toThrow(/x\[321\] is Infinity/);
  });
});
