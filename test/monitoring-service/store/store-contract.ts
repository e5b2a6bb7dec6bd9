/**
 * The Store contract, run against every implementation (embedded always, MongoDB when
 * MONGODB_URI is set). Each test uses its own dataset name so a shared database stays usable.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecord, Store } from '../../../monitoring-service/src/store/store.js';

export interface StoreHarness {
  store: Store;
  /** Closes the store and opens a new one on the same data. */
  reopen(): Promise<Store>;
  dispose(): Promise<void>;
}

export function event(eventId: string, extra: Partial<EventRecord> = {}): EventRecord {
  return {
    eventId,
    timestamp: '2024-05-01T12:00:00.000Z',
    features: { a: Number(eventId.replace(/\D/g, '') || 0), b: 0.5 },
    prediction: 'squat',
    ...extra,
  };
}

const ids = (events: readonly { eventId: string }[]) => events.map((e) => e.eventId);

export function describeStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;
    let ds: string;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
      ds = `ds-${randomUUID().slice(0, 8)}`;
    });
    afterEach(async () => harness.dispose());

    it('returns the stored events oldest first with what was sent', async () => {
      const sent = event('e1', {
        monitored: { a_mean: 0.125, a_std: 2.5 },
        probabilities: { squat: 0.75, curl: 0.25 },
        metadata: { d: 'x' },
      });
      await store.appendEvents(ds, [sent, event('e2')]);
      const recent = await store.recentEvents(ds, 10);
      expect(ids(recent)).toEqual(['e1', 'e2']);
      expect(recent[0]).toMatchObject(sent);
      expect(typeof recent[0]?.receivedAtMs).toBe('number');
    });

    it('stores a re-sent event once and counts it as a duplicate', async () => {
      const first = await store.appendEvents(ds, [event('e1'), event('e2')]);
      const again = await store.appendEvents(ds, [event('e2'), event('e3'), event('e3')]);
      expect(first).toMatchObject({ duplicates: 0 });
      expect(ids(again.stored)).toEqual(['e3']);
      expect(again.duplicates).toBe(2);
      expect(ids(await store.recentEvents(ds, 10))).toEqual(['e1', 'e2', 'e3']);
    });

    it('returns only the newest events up to the limit', async () => {
      await store.appendEvents(ds, [event('e1'), event('e2'), event('e3')]);
      await store.appendEvents(ds, [event('e4')]);
      expect(ids(await store.recentEvents(ds, 2))).toEqual(['e3', 'e4']);
    });

    it('keeps the last label sent for an event', async () => {
      await store.appendEvents(ds, [event('e1'), event('e2')]);
      const first = await store.applyLabels(ds, [{ eventId: 'e1', label: 'curl' }]);
      await store.applyLabels(ds, [{ eventId: 'e1', label: 'squat' }]);
      expect(first).toEqual({ matched: ['e1'], unmatched: 0 });
      const [found] = await store.findEvents(ds, ['e1']);
      expect(found?.label).toBe('squat');
    });

    it('keeps a label for an unknown event and applies it when the event arrives', async () => {
      const result = await store.applyLabels(ds, [{ eventId: 'late', label: 'curl' }]);
      expect(result).toEqual({ matched: [], unmatched: 1 });
      const appended = await store.appendEvents(ds, [event('late')]);
      expect(appended.lateLabels).toBe(1);
      expect(appended.stored[0]?.label).toBe('curl');
      expect(ids(await store.recentLabelledEvents(ds, 10))).toEqual(['late']);
    });

    it('orders labelled events by when they got their label', async () => {
      await store.appendEvents(ds, [event('e1'), event('e2', { label: 'curl' }), event('e3')]);
      await store.applyLabels(ds, [{ eventId: 'e3', label: 'squat' }]);
      await store.applyLabels(ds, [{ eventId: 'e1', label: 'squat' }]);
      expect(ids(await store.recentLabelledEvents(ds, 10))).toEqual(['e2', 'e3', 'e1']);
      expect(ids(await store.recentLabelledEvents(ds, 2))).toEqual(['e3', 'e1']);
    });

    it('finds stored events in the order asked and leaves unknown ids out', async () => {
      await store.appendEvents(ds, [event('e1'), event('e2')]);
      expect(ids(await store.findEvents(ds, ['e2', 'nope', 'e1']))).toEqual(['e2', 'e1']);
    });

    it('keeps datasets apart', async () => {
      await store.appendEvents(ds, [event('e1')]);
      await store.appendEvents(`${ds}-other`, [event('e1')]);
      expect(ids(await store.recentEvents(`${ds}-other`, 10))).toEqual(['e1']);
      expect(await store.findEvents(`${ds}-none`, ['e1'])).toEqual([]);
    });

    it('still has events, labels and waiting labels after reopening', async () => {
      await store.appendEvents(ds, [event('e1', { monitored: { a_mean: -1.5 } }), event('e2')]);
      await store.applyLabels(ds, [
        { eventId: 'e2', label: 'curl' },
        { eventId: 'e9', label: 'squat' },
      ]);
      const reopened = await harness.reopen();
      const recent = await reopened.recentEvents(ds, 10);
      expect(ids(recent)).toEqual(['e1', 'e2']);
      expect(recent[0]?.monitored).toEqual({ a_mean: -1.5 });
      expect(ids(await reopened.recentLabelledEvents(ds, 10))).toEqual(['e2']);
      expect((await reopened.appendEvents(ds, [event('e1'), event('e9')])).duplicates).toBe(1);
      expect((await reopened.findEvents(ds, ['e9']))[0]?.label).toBe('squat');
    });

    it('records alerts and reads back the newest', async () => {
      const alert = (alertname: string) => ({
        alertname,
        status: 'firing',
        receivedAtMs: Date.now(),
        labels: { alertname, dataset: ds },
        annotations: { summary: 'drift' },
      });
      await store.recordAlerts([alert(`${ds}-a`), alert(`${ds}-b`)]);
      const recent = await store.recentAlerts(1);
      expect(recent.map((a) => a.alertname)).toEqual([`${ds}-b`]);
    });
  });
}
