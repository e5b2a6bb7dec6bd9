/**
 * Ground truth that arrives later than the window, as in production: each acknowledged window
 * picked for labelling is due `delay` simulated seconds after it was sent, and due labels go to
 * the monitoring service's labels endpoint in batches.
 */
import type { PostOutcome } from '../transport/post-json.js';
import type { SenderStats } from '../progress/sender-stats.js';

/** The monitoring service takes at most MAX_BATCH_EVENTS (default 5000) per request. */
const LABELS_PER_REQUEST = 500;

interface PendingLabel {
  readonly eventId: string;
  readonly label: string;
  readonly dueS: number;
}

export type PostLabels = (body: string) => Promise<PostOutcome>;

export class LabelQueue {
  private pending: PendingLabel[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly post: PostLabels,
    private readonly stats: SenderStats,
  ) {}

  add(eventId: string, label: string, dueS: number): void {
    this.pending.push({ eventId, label, dueS });
  }

  get size(): number {
    return this.pending.length;
  }

  /** Simulated second at which the next label is due, or undefined when none waits. */
  nextDueS(): number | undefined {
    let next: number | undefined;
    for (const p of this.pending) if (next === undefined || p.dueS < next) next = p.dueS;
    return next;
  }

  /** Starts sending every label due by `nowS`; `settled()` waits for those requests. */
  flush(nowS: number): void {
    const due = this.pending.filter((p) => p.dueS <= nowS);
    if (due.length === 0) return;
    this.pending = this.pending.filter((p) => p.dueS > nowS);
    for (let i = 0; i < due.length; i += LABELS_PER_REQUEST) {
      const batch = due.slice(i, i + LABELS_PER_REQUEST);
      const sending = this.send(batch).finally(() => this.inFlight.delete(sending));
      this.inFlight.add(sending);
    }
  }

  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async send(batch: PendingLabel[]): Promise<void> {
    const body = JSON.stringify(batch.map(({ eventId, label }) => ({ eventId, label })));
    const outcome = await this.post(body);
    if (!outcome.ok) {
      this.stats.labelsFailed += batch.length;
      this.stats.lastError = `labels: ${outcome.error}`;
      return;
    }
    const answer = outcome.body as { matched?: number; unmatched?: number };
    this.stats.labelsSent += batch.length;
    this.stats.labelsMatched += answer.matched ?? 0;
    this.stats.labelsUnmatched += answer.unmatched ?? 0;
  }
}
