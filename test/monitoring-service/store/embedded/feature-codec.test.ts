import { describe, expect, it } from 'vitest';
import {
  decodeFeatures,
  encodeFeatures,
} from '../../../../monitoring-service/src/store/embedded/feature-codec.js';

describe('feature codec', () => {
  it('round-trips every double exactly, in key order', () => {
    const features = Object.fromEntries(
      Array.from({ length: 130 }, (_, i) => [`f_${i}`, i === 0 ? -0 : Math.PI * 10 ** (i - 65)]),
    );
    features.tiny = Number.MIN_VALUE;
    const decoded = decodeFeatures(encodeFeatures(features));
    expect(Object.keys(decoded)).toEqual(Object.keys(features));
    expect(decoded).toEqual(features);
    expect(Object.is(decoded.f_0, -0)).toBe(true);
  });

  it('keeps an empty vector empty', () => {
    expect(decodeFeatures(encodeFeatures({}))).toEqual({});
  });

  it('refuses names and values that do not pair up', () => {
    const encoded = encodeFeatures({ a: 1, b: 2 });
    expect(() => decodeFeatures({ ...encoded, names: 'a' })).toThrow(
      /1 feature names but 2 values/,
    );
  });
});
