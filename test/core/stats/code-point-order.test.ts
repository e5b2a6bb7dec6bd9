import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../../core/src/stats/code-point-order.js';

describe('compareCodePoints', () => {
  it('sorts as Python does: case and spaces by code point, not by locale', () => {
    const sorted = ['push-up', 'Push up', 'Push-up', ' Push-up', 'bicep'].sort(compareCodePoints);
    expect(sorted).toEqual([' Push-up', 'Push up', 'Push-up', 'bicep', 'push-up']);
  });

  it('puts characters beyond U+FFFF after U+FF21, unlike UTF-16 order', () => {
    expect(['\u{1d400}', '\uff21'].sort(compareCodePoints)).toEqual(['\uff21', '\u{1d400}']);
    expect(['\u{1d400}', '\uff21'].sort()).toEqual(['\u{1d400}', '\uff21']);
  });

  it('orders a prefix first and equal strings as equal', () => {
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
  });
});
