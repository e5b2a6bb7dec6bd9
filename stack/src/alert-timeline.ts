/**
 * When each alert fired during a run, from the launcher's periodic look at Prometheus' firing
 * alerts: first and last time it was seen firing, in seconds since the stack started.
 */
export interface AlertSpan {
  alertname: string;
  firstS: number;
  lastS: number;
  /** Most alerts of this name firing at once (one per feature or dataset). */
  maxCount: number;
}

export class AlertTimeline {
  private readonly spans = new Map<string, AlertSpan>();

  /** Records the alerts firing at `elapsedS` (name → number of firing alerts). */
  observe(elapsedS: number, firing: ReadonlyMap<string, number>): void {
    for (const [alertname, count] of firing) {
      const span = this.spans.get(alertname);
      if (span) {
        span.lastS = elapsedS;
        span.maxCount = Math.max(span.maxCount, count);
      } else {
        this.spans.set(alertname, {
          alertname,
          firstS: elapsedS,
          lastS: elapsedS,
          maxCount: count,
        });
      }
    }
  }

  /** Every alert seen, in the order they first fired. */
  list(): AlertSpan[] {
    return [...this.spans.values()].sort((a, b) => a.firstS - b.firstS);
  }
}
