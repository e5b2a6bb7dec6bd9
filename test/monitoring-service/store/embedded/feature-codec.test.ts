import { describe, expect, it } from 'vitest';
import {
  decodeFeatures,
  encodeFeatures,
  FeatureEncoder,
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

describe('FeatureEncoder', () => {
  it('says when the names are those of the previous vector', () => {
    const encoder = new FeatureEncoder();
    expect(encoder.encode({ a: 1, b: 2 }).sameNames).toBe(false);
    expect(encoder.encode({ a: 3, b: 4 }).sameNames).toBe(true);
    const reordered = encoder.encode({ b: 5, a: 6 });
    expect(reordered).toMatchObject({ names: 'b\u0001a', sameNames: false });
    expect(encoder.encode({ b: 5 })).toMatchObject({ names: 'b', sameNames: false });
    expect(encoder.encode({ b: 5, a: 1, c: 2 })).toMatchObject({
      names: 'b\u0001a\u0001c',
      sameNames: false,
    });
    expect(decodeFeatures(encoder.encode({ b: 7, a: 8, c: 9 }))).toEqual({ b: 7, a: 8, c: 9 });
  });
});
