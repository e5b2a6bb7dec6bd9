/**
 * What jobs need from a scheduler. Production uses node-cron (cron-scheduler.ts); tests drive a
 * manual one, so no test waits on wall-clock time.
 */
export interface ScheduledJob {
  stop(): Promise<void>;
}

export interface Scheduler {
  /** Explains why `expression` is not a valid schedule, or returns undefined when it is. */
  check(expression: string): string | undefined;
  /** Runs `task` on `expression`; a run still going when the next is due is skipped. */
  schedule(expression: string, task: () => Promise<unknown>): ScheduledJob;
}
