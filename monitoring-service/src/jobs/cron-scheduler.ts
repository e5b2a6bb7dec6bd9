/**
 * The node-cron Scheduler (the only file that imports node-cron). Six-field expressions with
 * seconds are allowed, e.g. `*\/10 * * * * *` for every 10 s.
 */
import cron from 'node-cron';
import type { ScheduledJob, Scheduler } from './scheduler.js';

export function createCronScheduler(): Scheduler {
  return {
    check(expression) {
      const result = cron.validateDetailed(expression);
      if (result.valid) return undefined;
      const reasons = result.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return `invalid cron expression "${expression}"${reasons ? ` (${reasons})` : ''}`;
    },
    schedule(expression, task): ScheduledJob {
      const scheduled = cron.schedule(expression, () => task(), { noOverlap: true });
      return {
        async stop() {
          await scheduled.destroy();
        },
      };
    },
  };
}
