/**
 * Opens every configured dataset, checking each schedule first so that a bad cron expression
 * stops the service with the field named rather than at the first tick.
 */
import { ConfigError } from './datasets-config.js';
import type { DatasetEntry } from './datasets-config.js';
import { openDataset } from './monitored-dataset.js';
import type { MonitoredDataset, OpenDatasetDeps } from './monitored-dataset.js';

export async function openDatasets(
  entries: readonly DatasetEntry[],
  deps: OpenDatasetDeps & { checkSchedule: (expression: string) => string | undefined },
): Promise<Map<string, MonitoredDataset>> {
  entries.forEach((entry, i) => {
    const problem = deps.checkSchedule(entry.schedule);
    if (problem) throw new ConfigError(`datasets[${i}].schedule: ${problem}`);
  });
  const datasets = new Map<string, MonitoredDataset>();
  for (const entry of entries) datasets.set(entry.name, await openDataset(entry, deps));
  return datasets;
}
