import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingConditions } from './alert-conditions.js';
import { constantOf, durationSeconds, readShippedRules } from './shipped-rules.js';

const rules = readShippedRules(join(import.meta.dirname, '../../prometheus/rules'));

describe('readShippedRules', () => {
  it('reads durations as Prometheus writes them', () => {
    expect(durationSeconds('1m')).toBe(60);
    expect(durationSeconds('2m30s')).toBe(150);
    expect(durationSeconds('1h')).toBe(3600);
    expect(() => durationSeconds('soon')).toThrow('cannot read the rule duration "soon"');
  });

  it("reads each alert's for: and the constant thresholds of the shipped rules", () => {
    expect(rules.forSeconds.DatasetDriftDetected).toBe(60);
    expect(rules.forSeconds.ModelQualityDrop).toBe(120);
    expect(constantOf(rules, 'driftwatch:drift_window_minimum_events')).toBe(50);
    expect(constantOf(rules, 'driftwatch:drift_schedule_period_seconds')).toBe(10);
    expect(() => constantOf(rules, 'driftwatch:nothing')).toThrow(
      'define no constant driftwatch:nothing',
    );
  });

  it('has a condition for every drift and quality alert the rules define', () => {
    expect(missingConditions(rules)).toEqual([]);
    expect(
      missingConditions({ ...rules, forSeconds: { ...rules.forSeconds, NewAlert: 60 } }),
    ).toEqual(['NewAlert']);
  });
});
