import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../../../core/src/random/prng.js';
import { readFixture } from '../../helpers/fixtures.js';

const known = readFixture<Record<string, number[]>>('simulator/prng-known-answers.json');

describe('createRng', () => {
  it('reproduces the sequences of an independent implementation', () => {
    for (const [seed, expected] of Object.entries(known)) {
      const rng = createRng(Number(seed));
      expect(expected.map(() => rng.nextUint32())).toEqual(expected);
    }
  });

  it('gives different sequences for different seeds', () => {
    const a = createRng(1);
    const b = createRng(2);
    const draws = Array.from({ length: 8 }, () => [a.nextUint32(), b.nextUint32()]);
    expect(draws.filter(([x, y]) => x === y)).toHaveLength(0);
  });

  it('draws uniforms in [0, 1) and standard normals with the right moments', () => {
    const rng = createRng(7);
    const n = 200_000;
    let uniformSum = 0;
    let outside = 0;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outside++;
      uniformSum += u;
      const z = rng.normal();
      sum += z;
      squares += z * z;
    }
    expect(outside).toBe(0);
    expect(uniformSum / n).toBeCloseTo(0.5, 2);
    expect(sum / n).toBeCloseTo(0, 2);
    expect(squares / n).toBeCloseTo(1, 1);
  });

  it('skips Gaussians exactly as drawing them would, with or without a pending half pair', () => {
    for (const before of [0, 1]) {
      for (let count = 0; count <= 5; count++) {
        const [drawn, skipped] = [createRng(11), createRng(11)];
        for (let i = 0; i < before; i++) [drawn.normal(), skipped.normal()];
        for (let i = 0; i < count; i++) drawn.normal();
        skipped.skipNormals(count);
        const next = (rng: typeof drawn) => [rng.normal(), rng.normal(), rng.normal(), rng.next()];
        expect({ before, count, draws: next(skipped) }).toEqual({
          before,
          count,
          draws: next(drawn),
        });
      }
    }
  });

  it('keeps int(n) within [0, n) and reaches every value', () => {
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const value = rng.int(13);
      expect(Number.isInteger(value) && value >= 0 && value < 13).toBe(true);
      seen.add(value);
    }
    expect(seen.size).toBe(13);
  });

  it('rejects a non-finite seed and an empty pick', () => {
    expect(() => createRng(Number.NaN)).toThrow(/createRng requires a finite seed/);
    expect(() => createRng(1).pick([])).toThrow(/non-empty/);
  });
});

describe('deriveSeed', () => {
  it('is deterministic and separates keys, key order and parents', () => {
    expect(deriveSeed(3, 'noise', 1)).toBe(deriveSeed(3, 'noise', 1));
    const seeds = [
      deriveSeed(3, 'noise', 1),
      deriveSeed(3, 'noise', 2),
      deriveSeed(3, 1, 'noise'),
      deriveSeed(4, 'noise', 1),
      deriveSeed(3, 'plan', 1),
    ];
    expect(new Set(seeds).size).toBe(seeds.length);
  });
});
