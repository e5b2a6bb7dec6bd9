import { describe, expect, it } from 'vitest';
import { decodeProfile, encodeProfile } from '../../../monitoring-service/src/cli/profile-codec.js';
import { fitReferenceProfile } from '../../../core/src/drift/reference-profile.js';

const probabilities = (p: number) => ({ a: p, b: 1 - p });
const reference = fitReferenceProfile(
  {
    rowCount: 6,
    features: { x: [3, -0, 0, 1.5, 2, 1e-300], y: Float64Array.from([1, 1, 2, 2, 3, 3]) },
    prediction: ['a', 'b', 'a', 'b', 'a', 'a'],
    target: ['a', null, 'a', 'b', 'b', 'a'],
    groups: ['g1', 'g1', 'g2', 'g2', 'g3', 'g3'],
    probabilities: [0.9, 0.2, 0.7, 0.4, 0.6, 0.8].map(probabilities),
  },
  ['x', 'y'],
);

describe('profile codec', () => {
  it('decodes exactly what it encoded: typed arrays, maps, -0 and nested records', () => {
    const decoded = decodeProfile(encodeProfile(reference, 'k'), 'k');
    expect(decoded).toEqual(reference);
    expect(decoded.sorted.x).toBeInstanceOf(Float64Array);
    expect(Object.is(decoded.sorted.x![0], -0)).toBe(true);
    expect(decoded.predictionCounts).toBeInstanceOf(Map);
    expect(decoded.nullSource?.groups[0]).toBeInstanceOf(Int32Array);
  });

  it('keeps numbers JSON cannot hold', () => {
    const odd = { ...reference, quality: { accuracy: Number.NaN, other: -Infinity } };
    const decoded = decodeProfile(encodeProfile(odd as never, 'k'), 'k');
    expect(decoded.quality).toEqual({ accuracy: Number.NaN, other: -Infinity });
  });

  it('refuses other settings, other bytes and truncated bytes', () => {
    const bytes = encodeProfile(reference, 'k');
    expect(() => decodeProfile(bytes, 'other')).toThrow(/other settings/);
    expect(() => decodeProfile(Buffer.from('not a profile'), 'k')).toThrow(/not an encoded/);
    expect(() => decodeProfile(bytes.subarray(0, bytes.length - 8), 'k')).toThrow();
    expect(() => decodeProfile(bytes.subarray(0, 40), 'k')).toThrow();
  });
});
