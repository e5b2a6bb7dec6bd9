/**
 * One scheduled drift job per dataset, on the dataset's own schedule.
 */
import type { MonitoredDataset } from './monitored-dataset.js';
import type { ScheduledJob, Scheduler } from '../jobs/scheduler.js';

export function scheduleJobs(
  datasets: Iterable<MonitoredDataset>,
  scheduler: Scheduler,
): ScheduledJob[] {
  return [...datasets].map((d) => scheduler.schedule(d.definition.schedule, () => d.job.run()));
}
