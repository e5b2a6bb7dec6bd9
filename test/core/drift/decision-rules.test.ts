import { describe, expect, it } from 'vitest';
import { DECISION_RULES, resolveThresholds } from '../../../core/src/drift/decision-rules.js';

const defaults = resolveThresholds();

describe('resolveThresholds', () => {
  it('defaults to α = 0.05, drift share 0.5 and no Benjamini–Hochberg', () => {
    expect(defaults).toEqual({ alpha: 0.05, driftShare: 0.5, benjaminiHochberg: false });
  });

  it('rejects α and drift shares out of range', () => {
    expect(() => resolveThresholds({ alpha: 0 })).toThrow(/0 < alpha < 1/);
    expect(() => resolveThresholds({ alpha: 1 })).toThrow(/0 < alpha < 1/);
    expect(() => resolveThresholds({ driftShare: 0 })).toThrow(/driftShare/);
    expect(() => resolveThresholds({ driftShare: 1.5 })).toThrow(/driftShare/);
  });
});

describe('DECISION_RULES', () => {
  it('flags a feature only when its p-value is strictly below α', () => {
    expect(DECISION_RULES.feature(0.0499, defaults)).toBe(true);
    expect(DECISION_RULES.feature(0.05, defaults)).toBe(false);
  });

  it('flags the dataset when the drifted share reaches the threshold', () => {
    expect(DECISION_RULES.dataset(0.5, defaults)).toBe(true);
    expect(DECISION_RULES.dataset(0.4999, defaults)).toBe(false);
  });

  it('flags a categorical column only when the chi-square p-value is below α', () => {
    expect(DECISION_RULES.categorical(0.01, defaults)).toBe(true);
    expect(DECISION_RULES.categorical(0.05, defaults)).toBe(false);
    expect(DECISION_RULES.categorical(0.06, resolveThresholds({ alpha: 0.1 }))).toBe(true);
  });
});
