import { describe, expect, it } from 'vitest';
import { PendingLabels } from '../../../../monitoring-service/src/store/embedded/pending-labels.js';

const label = (eventId: string, receivedAtMs = 0, value = 'walk') => ({
  eventId,
  label: value,
  receivedAtMs,
});

describe('PendingLabels', () => {
  it('evicts the oldest labels first, skipping those taken meanwhile', () => {
    const pending = new PendingLabels();
    for (let i = 0; i < 5; i++) pending.set(label(`e${i}`, i));
    expect(pending.take('e0')?.label).toBe('walk');
    pending.evictBeyond(2);
    expect(pending.size).toBe(2);
    expect(pending.get('e1')).toBeUndefined();
    expect(pending.get('e2')).toBeUndefined();
    expect(pending.get('e3')).toBeDefined();
  });

  it('makes a replaced label the newest', () => {
    const pending = new PendingLabels();
    pending.set(label('a', 1));
    pending.set(label('b', 2));
    pending.set(label('a', 3, 'run'));
    pending.evictBeyond(1);
    expect(pending.get('a')?.label).toBe('run');
    expect(pending.get('b')).toBeUndefined();
  });

  it('drops labels older than the age limit and keeps the rest', () => {
    const pending = new PendingLabels();
    for (let i = 0; i < 10; i++) pending.set(label(`e${i}`, i * 100));
    pending.evictOlderThan(450);
    expect(pending.size).toBe(5);
    expect(pending.get('e4')).toBeUndefined();
    expect(pending.get('e5')?.receivedAtMs).toBe(500);
  });

  it('keeps answering correctly through many cycles of waiting, matching and eviction', () => {
    const pending = new PendingLabels();
    for (let i = 0; i < 50_000; i++) {
      pending.set(label(`e${i}`, i));
      if (i % 3 === 0) pending.take(`e${i - 1}`);
      pending.evictBeyond(1000);
    }
    expect(pending.size).toBe(1000);
    expect(pending.get('e49999')).toBeDefined();
    expect(pending.get('e48000')).toBeUndefined();
  });
});
