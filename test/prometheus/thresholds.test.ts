import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readYaml } from './repo-paths.js';
import { allRules } from './rule-files.js';

/** The value of a constant recording rule (`vector(N)`). */
function constant(record: string): number {
  const rule = allRules().find((candidate) => candidate.record === record);
  const match = /^vector\(([\d.]+)\)$/.exec(rule?.expr.trim() ?? '');
  if (match?.[1] === undefined) throw new Error(`${record} is not a vector(N) recording rule`);
  return Number(match[1]);
}

const datasetsFile = z.object({
  datasets: z.array(
    z.object({
      name: z.string(),
      minWindowEvents: z.number().default(50),
      schedule: z.string().default('*/10 * * * * *'),
    }),
  ),
});

const datasets = datasetsFile.parse(readYaml('monitoring-service/config/datasets.yaml')).datasets;

describe('alert thresholds against the monitoring service’s datasets file', () => {
  it('gate drift alerts on the same minimum window the service decides on', () => {
    for (const dataset of datasets) {
      expect(dataset.minWindowEvents, dataset.name).toBe(
        constant('driftwatch:drift_window_minimum_events'),
      );
    }
  });

  it('allow three periods of the schedule the service runs on before calling it stale', () => {
    for (const dataset of datasets) {
      const everySeconds = /^\*\/(\d+) \* \* \* \* \*$/.exec(dataset.schedule)?.[1];
      expect(everySeconds, `${dataset.name}: schedule ${dataset.schedule}`).toBeDefined();
      expect(Number(everySeconds)).toBe(constant('driftwatch:drift_schedule_period_seconds'));
    }
  });

  it('ask for at least as many labels as the service’s minimum window before judging quality', () => {
    const minimum = constant('driftwatch:model_quality_minimum_labeled_events');
    expect(minimum).toBeGreaterThanOrEqual(constant('driftwatch:drift_window_minimum_events'));
    expect(constant('driftwatch:model_quality_drop_margin')).toBeGreaterThan(0);
  });
});
