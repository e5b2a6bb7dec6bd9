import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogDamage } from '../../../../core/src/log/log-damage.js';
import { EmbeddedStore } from '../../../../monitoring-service/src/store/embedded/embedded-store.js';
import { event } from '../store-contract.js';

const retention = { maxAgeMs: 3600_000, maxEventsPerDataset: 1000 };

describe('EmbeddedStore on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'embedded-durability-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  const segmentsOf = async (dataset: string) => readdir(join(dir, 'events', dataset));

  it('drops a torn last record on replay and keeps appending after it', async () => {
    const store = await EmbeddedStore.open({ dir, retention });
    await store.appendEvents('ds', [event('e1'), event('e2')]);
    await store.close();
    const [segment] = await segmentsOf('ds');
    const path = join(dir, 'events', 'ds', segment!);
    const intactBytes = (await stat(path)).size;
    await appendFile(path, '0badc0de {"t":"e","s":3,"o":3,"r":1,"e":{"eventId":"e3"');

    const reopened = await EmbeddedStore.open({ dir, retention });
    expect((await stat(path)).size).toBe(intactBytes);
    await reopened.appendEvents('ds', [event('e3')]);
    const ids = (await reopened.recentEvents('ds', 10)).map((e) => e.eventId);
    expect(ids).toEqual(['e1', 'e2', 'e3']);
    await reopened.close();
  });

  it('loses only the damaged record of an older segment, quarantining and reporting it', async () => {
    const store = await EmbeddedStore.open({ dir, retention, maxSegmentBytes: 600 });
    for (let i = 0; i < 6; i++) await store.appendEvents('ds', [event(`e${i}`)]);
    await store.close();
    const [first] = (await segmentsOf('ds')).filter((name) => name.endsWith('.log')).sort();
    const path = join(dir, 'events', 'ds', first!);
    const data = await readFile(path);
    const lines = data.toString('latin1').split('\n');
    const damagedId = /"eventId":"(e\d)"/.exec(lines.at(-2)!)?.[1];
    const at = data.length - 5;
    data[at] = data[at]! ^ 0x01;
    await writeFile(path, data);

    const damages: LogDamage[] = [];
    const reopened = await EmbeddedStore.open({
      dir,
      retention,
      onDamage: (damage) => damages.push(damage),
    });
    const ids = (await reopened.recentEvents('ds', 10)).map((e) => e.eventId);
    expect(damagedId).toBeDefined();
    expect(ids).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5'].filter((id) => id !== damagedId));
    expect(damages).toHaveLength(1);
    expect(damages[0]).toMatchObject({ kind: 'corrupt', range: { known: false, file: path } });
    expect(await readFile(damages[0]!.range.quarantinePath, 'latin1')).toContain(damagedId);
    expect((await stat(path)).size).toBe(data.length);
    await reopened.close();

    const again: LogDamage[] = [];
    const third = await EmbeddedStore.open({ dir, retention, onDamage: (d) => again.push(d) });
    expect(again.map((d) => d.range.known)).toEqual([true]);
    await third.close();
  });

  it('deletes whole old segments once they hold only events beyond the count limit', async () => {
    const small = { maxAgeMs: 3600_000, maxEventsPerDataset: 20 };
    const store = await EmbeddedStore.open({ dir, retention: small, maxSegmentBytes: 2000 });
    for (let i = 0; i < 200; i++) await store.appendEvents('ds', [event(`e${i}`)]);
    await store.close();
    const segments = await segmentsOf('ds');
    const sizes = await Promise.all(segments.map((s) => stat(join(dir, 'events', 'ds', s))));
    expect(sizes.reduce((sum, s) => sum + s.size, 0)).toBeLessThan(20 * 250 + 2 * 2000);

    const reopened = await EmbeddedStore.open({ dir, retention: small });
    const kept = await reopened.recentEvents('ds', 1000);
    expect(kept.length).toBeGreaterThanOrEqual(20);
    expect(kept.at(-1)?.eventId).toBe('e199');
    expect(kept[0]?.features).toEqual(event(kept[0]!.eventId).features);
    expect((await reopened.appendEvents('ds', [event('e0')])).duplicates).toBe(0);
    await reopened.close();
  });

  it('deletes segments whose events are older than the age limit', async () => {
    let nowMs = 1_000_000;
    const options = { dir, retention, maxSegmentBytes: 600, now: () => nowMs };
    const store = await EmbeddedStore.open(options);
    for (let i = 0; i < 10; i++) await store.appendEvents('ds', [event(`old${i}`)]);
    nowMs += retention.maxAgeMs + 1;
    for (let i = 0; i < 5; i++) await store.appendEvents('ds', [event(`new${i}`)]);
    await store.close();
    const reopened = await EmbeddedStore.open(options);
    const ids = (await reopened.recentEvents('ds', 100)).map((e) => e.eventId);
    expect(ids.filter((id) => id.startsWith('old')).length).toBeLessThan(3);
    expect(ids.slice(-5)).toEqual(['new0', 'new1', 'new2', 'new3', 'new4']);
    await reopened.close();
  });

  it('answers concurrent appends each with its own new events', async () => {
    const store = await EmbeddedStore.open({ dir, retention });
    const batches = Array.from({ length: 20 }, (_, b) =>
      Array.from({ length: 5 }, (_, i) => event(`b${b}e${i}`)),
    );
    const results = await Promise.all(batches.map((batch) => store.appendEvents('ds', batch)));
    expect(results.every((r) => r.stored.length === 5 && r.duplicates === 0)).toBe(true);
    await store.close();
    const reopened = await EmbeddedStore.open({ dir, retention });
    expect(await reopened.recentEvents('ds', 1000)).toHaveLength(100);
    await reopened.close();
  });
});
