/**
 * Series of the store's health, kept apart from the drift series: damaged log records skipped on
 * start-up and writes refused while the store could not write.
 */
import { Counter } from 'prom-client';
import type { Registry } from 'prom-client';

export function createStoreMetrics(registry: Registry, datasets: readonly string[]) {
  const registers = [registry];
  const metrics = {
    corruptRecords: new Counter({
      name: 'monitoring_store_corrupt_records_total',
      help: 'Damaged ranges of the embedded log (each one or more records lost to a checksum failure) skipped and quarantined on start-up; dataset "" is the alert log.',
      labelNames: ['dataset'] as const,
      registers,
    }),
    writeFailures: new Counter({
      name: 'monitoring_store_write_failures_total',
      help: 'Failed store writes or syncs (e.g. a full disk); writes answer 503 until the store recovers.',
      labelNames: ['dataset'] as const,
      registers,
    }),
  };
  for (const dataset of ['', ...datasets]) {
    metrics.corruptRecords.inc({ dataset }, 0);
    metrics.writeFailures.inc({ dataset }, 0);
  }
  return metrics;
}

export type StoreMetrics = ReturnType<typeof createStoreMetrics>;
