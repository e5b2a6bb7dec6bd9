import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../../../monitoring-service/src/store/embedded/embedded-store.js';
import { createRng } from '../../../../core/src/random/prng.js';
import { event } from '../store-contract.js';

const SEEDS = 120;
const EVENTS = 60;
const retention = { maxAgeMs: 3600_000, maxEventsPerDataset: 10_000 };
let root: string;
let pristine: string;

/** The event id each line of a segment file stores, with its byte extent, read independently. */
function eventLines(file: string): { id: string | undefined; start: number; end: number }[] {
  const text = readFileSync(file, 'latin1');
  let start = 0;
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => {
      const id = line.includes('"t":"e"') ? /"eventId":"(e\d+)"/.exec(line)?.[1] : undefined;
      const extent = { id, start, end: start + line.length + 1 };
      start = extent.end;
      return extent;
    });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'store-flip-'));
  pristine = join(root, 'pristine');
  const store = await EmbeddedStore.open({ dir: pristine, retention, maxSegmentBytes: 1500 });
  for (let i = 0; i < EVENTS; i += 5) {
    await store.appendEvents(
      'ds',
      Array.from({ length: 5 }, (_, j) => event(`e${i + j}`)),
    );
    await store.applyLabels('ds', [{ eventId: `e${i}`, label: 'squat' }]);
  }
  await store.close();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('embedded store with one flipped byte', () => {
  it('reads every event not overlapping the byte exactly once, for many positions', async () => {
    const segmentsDir = join('events', 'ds');
    const files = readdirSync(join(pristine, segmentsDir)).sort();
    expect(files.length).toBeGreaterThan(3);
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = createRng(seed).next;
      const dir = join(root, `seed-${seed}`);
      cpSync(pristine, dir, { recursive: true });
      const name = files[Math.floor(random() * files.length)]!;
      const file = join(dir, segmentsDir, name);
      const data = readFileSync(file);
      const at = Math.floor(random() * data.length);
      data[at] = data[at]! ^ (1 + Math.floor(random() * 255));
      writeFileSync(file, data);
      const hit = eventLines(join(pristine, segmentsDir, name)).find(
        (line) => line.start <= at && at < line.end,
      )?.id;
      const expected = Array.from({ length: EVENTS }, (_, i) => `e${i}`).filter((id) => id !== hit);

      const store = await EmbeddedStore.open({ dir, retention });
      const read = await store.recentEvents('ds', 10_000);
      const context = `seed ${seed}, byte ${at} of ${name}`;
      expect(read.map((e) => e.eventId).sort(), context).toEqual(expected.sort());
      for (const e of read) expect(e.features, context).toEqual(event(e.eventId).features);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
