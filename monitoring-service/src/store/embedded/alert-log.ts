/**
 * Received alerts in their own segment log; the newest are kept in memory for reading back.
 * Segments whose newest alert is past retention are deleted when the log rotates.
 */
import type { LogDamage } from '@driftwatch/core/log/log-damage';
import type { AlertRecord } from '../store.js';
import { encodeRecord } from './record-codec.js';
import { SegmentLog } from './segment-log.js';

const KEPT_IN_MEMORY = 1000;

export class AlertLog {
  private readonly newestBySegment = new Map<number, number>();
  private oldestKeptMs = 0;

  private constructor(
    private readonly log: SegmentLog,
    private readonly kept: AlertRecord[],
  ) {
    log.onRotate = () => {
      void this.dropExpired();
    };
  }

  static async open(
    dir: string,
    maxSegmentBytes: number,
    onFailure?: (error: Error) => void,
    onDamage?: (damage: LogDamage) => void,
  ): Promise<AlertLog> {
    const kept: AlertRecord[] = [];
    const newest = new Map<number, number>();
    const log = await SegmentLog.open(
      dir,
      maxSegmentBytes,
      (value, location) => {
        const alert = (value as { a: AlertRecord }).a;
        kept.push(alert);
        newest.set(location.segment, alert.receivedAtMs);
      },
      onDamage,
    );
    log.onFailure = onFailure;
    const alertLog = new AlertLog(log, kept.slice(-KEPT_IN_MEMORY));
    for (const [segment, ms] of newest) alertLog.newestBySegment.set(segment, ms);
    return alertLog;
  }

  async append(alerts: readonly AlertRecord[], oldestKeptMs: number): Promise<void> {
    this.oldestKeptMs = oldestKeptMs;
    for (const alert of alerts) {
      const location = this.log.append(encodeRecord({ t: 'a', a: alert }));
      this.newestBySegment.set(location.segment, alert.receivedAtMs);
      this.kept.push(alert);
    }
    if (this.kept.length > KEPT_IN_MEMORY) this.kept.splice(0, this.kept.length - KEPT_IN_MEMORY);
    await this.log.flush();
  }

  recent(limit: number): AlertRecord[] {
    return this.kept.slice(Math.max(0, this.kept.length - limit));
  }

  close(): Promise<void> {
    return this.log.close();
  }

  private async dropExpired(): Promise<void> {
    for (const segment of [...this.log.closedSegments()]) {
      if ((this.newestBySegment.get(segment) ?? 0) >= this.oldestKeptMs) continue;
      this.newestBySegment.delete(segment);
      // A segment left behind costs disk only; receiving alerts must not fail on it.
      await this.log.deleteSegment(segment).catch(() => undefined);
    }
  }
}
