/**
 * Prometheus' alert state machine in simulated time: an alert instance becomes active when its
 * condition holds at an evaluation, fires once it has stayed active for its `for:` duration, and
 * resolves at the first evaluation where the condition no longer holds. Tracks, per alert, the
 * episodes in which at least one of its instances was firing.
 */
export interface FiringEpisode {
  /** Simulated seconds at which the alert started and stopped firing (end undefined: still). */
  readonly startS: number;
  endS: number | undefined;
  /** The instances (label sets) that fired during the episode. */
  readonly instances: Set<string>;
}

export class AlertTracker {
  private readonly activeSince = new Map<string, number>();
  readonly episodes: FiringEpisode[] = [];

  constructor(readonly forSeconds: number) {}

  /** One evaluation at simulated second `nowS` with the instances whose condition holds. */
  evaluate(nowS: number, active: readonly string[]): void {
    const holding = new Set(active);
    for (const instance of [...this.activeSince.keys()]) {
      if (!holding.has(instance)) this.activeSince.delete(instance);
    }
    for (const instance of holding) {
      if (!this.activeSince.has(instance)) this.activeSince.set(instance, nowS);
    }
    const firing = [...this.activeSince].filter(([, since]) => nowS - since >= this.forSeconds);
    const open = this.episodes.at(-1);
    if (firing.length === 0) {
      if (open && open.endS === undefined) open.endS = nowS;
      return;
    }
    const episode =
      open && open.endS === undefined
        ? open
        : { startS: nowS, endS: undefined, instances: new Set<string>() };
    if (episode !== open) this.episodes.push(episode);
    for (const [instance] of firing) episode.instances.add(instance);
  }
}
