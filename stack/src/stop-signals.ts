/**
 * What a stop signal means to the launcher. A terminal's Ctrl-C sends SIGINT to the whole
 * foreground process group, and the wrappers in that group (npm, tsx) forward it to their child
 * as well, so one keypress reaches the launcher two or three times within milliseconds. Those
 * echoes are ignored; a signal that comes later is a second request and kills at once.
 */
export type SignalAction = 'stop' | 'echo' | 'kill';

/** Signals within this long of the first are echoes of it, not a second Ctrl-C. */
export const ECHO_WINDOW_MS = 1000;

export class StopSignals {
  private firstMs: number | null = null;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly echoWindowMs = ECHO_WINDOW_MS,
  ) {}

  /** The action for a signal received now. */
  receive(): SignalAction {
    const now = this.now();
    if (this.firstMs === null) {
      this.firstMs = now;
      return 'stop';
    }
    return now - this.firstMs < this.echoWindowMs ? 'echo' : 'kill';
  }
}
