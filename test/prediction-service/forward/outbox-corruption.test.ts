import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOutbox } from '../../../prediction-service/src/forward/outbox.js';
import { createRng } from '../../../core/src/random/prng.js';

const SEEDS = 150;
const logger = pino({ level: 'silent' });
let root: string;
let pristine: string;

const open = (dir: string, onCorruption?: () => void) =>
  openOutbox({ dir, maxEvents: 10_000, segmentBytes: 600, logger, onCorruption });

/** Byte extents of each event in an events file, read independently of the outbox code. */
function extents(file: string): { id: string; start: number; end: number }[] {
  const text = readFileSync(file, 'latin1');
  const out: { id: string; start: number; end: number }[] = [];
  let start = 0;
  for (const line of text.split('\n').slice(0, -1)) {
    out.push({ id: /"eventId":"(e\d+)"/.exec(line)![1]!, start, end: start + line.length + 1 });
    start += line.length + 1;
  }
  return out;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'outbox-flip-'));
  pristine = join(root, 'pristine');
  const outbox = await open(pristine);
  for (let i = 0; i < 60; i += 6) {
    const batch = Array.from({ length: 6 }, (_, j) =>
      JSON.stringify({ eventId: `e${i + j}`, features: { x: i + j } }),
    );
    await outbox.append(batch);
  }
  // Some events are acknowledged before the damage: they must not come back either.
  await outbox.acknowledge(
    outbox.lease(60).filter((e) => Number(JSON.parse(e.payload).eventId.slice(1)) % 7 === 0),
  );
  await outbox.close();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('outbox with one flipped byte', () => {
  it('delivers every event not overlapping the byte exactly once, for many positions', async () => {
    const files = readdirSync(pristine)
      .filter((name) => name.endsWith('.events'))
      .sort();
    expect(files.length).toBeGreaterThan(3);
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = createRng(seed).next;
      const dir = join(root, `seed-${seed}`);
      cpSync(pristine, dir, { recursive: true });
      const file = join(dir, files[Math.floor(random() * files.length)]!);
      const data = readFileSync(file);
      const at = Math.floor(random() * data.length);
      data[at] = data[at]! ^ (1 + Math.floor(random() * 255));
      writeFileSync(file, data);
      const hit = extents(join(pristine, file.slice(dir.length + 1))).find(
        (e) => e.start <= at && at < e.end,
      )!.id;
      const expected = Array.from({ length: 60 }, (_, i) => `e${i}`).filter(
        (id, i) => i % 7 !== 0 && id !== hit,
      );

      let corruptions = 0;
      const reopened = await open(dir, () => corruptions++);
      const delivered = reopened.lease(1000).map((e) => JSON.parse(e.payload).eventId as string);
      expect(delivered.sort(), `seed ${seed}, byte ${at} of ${file}`).toEqual(expected.sort());
      expect(corruptions).toBeLessThanOrEqual(1);
      await reopened.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('delivers nothing twice once the survivors are acknowledged, and keeps the damage', async () => {
    const dir = join(root, 'ack');
    cpSync(pristine, dir, { recursive: true });
    const file = join(
      dir,
      readdirSync(dir)
        .filter((n) => n.endsWith('.events'))
        .sort()[1]!,
    );
    const data = readFileSync(file);
    const middle = Math.floor(data.length / 2);
    data[middle] = data[middle]! ^ 0x10;
    writeFileSync(file, data);
    let corruptions = 0;
    const first = await open(dir, () => corruptions++);
    await first.acknowledge(first.lease(1000));
    await first.close();
    expect(corruptions).toBe(1);
    const second = await open(dir, () => corruptions++);
    expect(second.size).toBe(0);
    await second.close();
    expect(corruptions).toBe(1);
    expect(readdirSync(join(dir, 'quarantine'))).toHaveLength(1);
  });
});
