import { describe, expect, it } from 'vitest';
import { parseJsonInSlices } from '../../../monitoring-service/src/http/parse-json-in-slices.js';
import { createRng } from '../../../core/src/random/prng.js';

/** Events whose strings hold the characters the scan must not mistake for structure. */
function events(count: number, seed: number) {
  const random = createRng(seed).next;
  const tricky = ['a,b', 'x]y', '{[', 'quote " inside', 'back\\slash\\', 'end\\"', 'é ✓', '},{'];
  return Array.from({ length: count }, (_, i) => ({
    eventId: `e${i}-${tricky[i % tricky.length]}`,
    features: { f1: random(), f2: -random() * 1e6, nested: [{ k: '],' }, { k: 2 }] },
    prediction: tricky[(i * 3) % tricky.length],
  }));
}

const parse = (text: string) => parseJsonInSlices(Buffer.from(text));

describe('parseJsonInSlices', () => {
  it.each([
    ['a wrapped batch', (n: number) => ({ events: events(n, 1) })],
    ['a bare array', (n: number) => events(n, 2)],
  ])('parses %s of a megabyte or more exactly as JSON.parse does', async (_name, make) => {
    const text = JSON.stringify(make(8_000), null, 1);
    expect(text.length).toBeGreaterThan(800_000);
    expect(await parseJsonInSlices(Buffer.from(text))).toEqual(JSON.parse(text));
  });

  it('parses a body that arrived in chunks cut anywhere, inside characters too', async () => {
    const text = JSON.stringify({ events: events(4_000, 6) }, null, 1);
    const bytes = Buffer.from(text);
    const random = createRng(7).next;
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; ) {
      const size = 1 + Math.floor(random() * 70_000);
      chunks.push(bytes.subarray(at, at + size));
      at += size;
    }
    expect(chunks.length).toBeGreaterThan(10);
    expect(await parseJsonInSlices(chunks)).toEqual(JSON.parse(text));
  });

  it('skips a leading byte order mark, in small and large bodies', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const small = '{"labels":[]}';
    expect(await parseJsonInSlices(Buffer.concat([bom, Buffer.from(small)]))).toEqual({
      labels: [],
    });
    const large = JSON.stringify({ events: events(3_000, 8) });
    const parsed = await parseJsonInSlices([bom, Buffer.from(large)]);
    expect(parsed).toEqual(JSON.parse(large));
  });

  it('lets the event loop run while it parses a large body', async () => {
    const text = JSON.stringify({ events: events(20_000, 3) });
    let turns = 0;
    const tick = setInterval(() => turns++, 0);
    await parseJsonInSlices(Buffer.from(text));
    clearInterval(tick);
    expect(turns).toBeGreaterThan(1);
  });

  it('parses small bodies and other shapes in one go', async () => {
    expect(await parse('{"labels":[{"eventId":"a","label":"walk"}]}')).toEqual({
      labels: [{ eventId: 'a', label: 'walk' }],
    });
    const other = JSON.stringify({ events: events(5000, 4), extra: 1 });
    expect(await parse(other)).toEqual(JSON.parse(other));
    const empty = `[${' '.repeat(300_000)}]`;
    expect(await parse(empty)).toEqual([]);
  });

  it.each([
    ['a trailing comma', (t: string) => t.replace(/\]\}$/, ',]}')],
    ['an unterminated array', (t: string) => t.slice(0, -2)],
    ['text after the body', (t: string) => `${t} x`],
    ['a broken element', (t: string) => t.replace('"eventId"', '"eventId" 1')],
  ])('throws a SyntaxError for %s in a large body', async (_name, damage) => {
    const text = damage(JSON.stringify({ events: events(5000, 5) }));
    await expect(parse(text)).rejects.toThrow(SyntaxError);
  });
});
