/** A Scheduler driven by the test: `tick()` runs every scheduled task once and waits for them. */
import type { Scheduler } from '../../../monitoring-service/src/jobs/scheduler.js';

export class ManualScheduler implements Scheduler {
  readonly tasks = new Map<number, { expression: string; task: () => Promise<unknown> }>();
  private nextId = 0;

  check(): string | undefined {
    return undefined;
  }

  schedule(expression: string, task: () => Promise<unknown>) {
    const id = this.nextId++;
    this.tasks.set(id, { expression, task });
    return {
      stop: async () => {
        this.tasks.delete(id);
      },
    };
  }

  async tick(): Promise<void> {
    await Promise.all([...this.tasks.values()].map(({ task }) => task()));
  }
}
