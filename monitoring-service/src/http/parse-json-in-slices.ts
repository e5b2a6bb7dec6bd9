/**
 * JSON parsing of large batch bodies in slices. `JSON.parse` of a 10 MB batch holds the event loop
 * for 100 ms or more. Here the batch array (the body itself, or the array under its one key, as in
 * `{ "events": [...] }`) is cut between two of its objects about every 256 kB and each slice is
 * parsed on its own, with a yield to the loop in between. A cut is taken at the next `}` `,` `{`
 * and kept only if the slice before it parses: a slice that ends inside a string or inside an
 * element always fails to parse, so every accepted cut lies between two elements. Anything that
 * does not fit this shape is parsed whole. The result equals `JSON.parse(text)`, and invalid
 * JSON throws a SyntaxError. Cost O(n).
 */
import { yieldToLoop } from '../../../core/src/async/yield-to-loop.js';

/** Bodies up to this length are parsed in one go (a few milliseconds). */
const SLICE_CHARS = 256 * 1024;
/** Candidate cuts tried per slice before the rest of the array is parsed whole. */
const MAX_MISSES = 3;
const WRAPPED_ARRAY = /^\s*\{\s*"([A-Za-z_]+)"\s*:\s*\[/;

export async function parseJsonInSlices(text: string): Promise<unknown> {
  if (text.length <= SLICE_CHARS) return JSON.parse(text);
  const wrapped = WRAPPED_ARRAY.exec(text.slice(0, 200));
  const open = wrapped ? wrapped[0].length - 1 : text.search(/\S/);
  const close = text.lastIndexOf(']');
  const rest = text.slice(close + 1).trim();
  const shaped = text.charCodeAt(open) === 0x5b && rest === (wrapped ? '}' : '');
  if (!shaped) return JSON.parse(text);
  const items = await parseElements(text, open + 1, close);
  return wrapped ? { [wrapped[1]!]: items } : items;
}

/** Parses the comma-separated JSON values of `text` between `from` and `to`. */
async function parseElements(text: string, from: number, to: number): Promise<unknown[]> {
  const items: unknown[] = [];
  const between = /\}\s*,\s*\{/g;
  let start = from;
  let misses = 0;
  between.lastIndex = start + SLICE_CHARS;
  while (to - start > SLICE_CHARS && misses < MAX_MISSES) {
    const cut = between.exec(text);
    if (!cut || cut.index >= to) break;
    const parsed = tryParse(text, start, cut.index + 1);
    if (!parsed) {
      misses++;
      continue;
    }
    for (const item of parsed) items.push(item);
    start = cut.index + cut[0].length - 1;
    misses = 0;
    between.lastIndex = start + SLICE_CHARS;
    await yieldToLoop();
  }
  const last = JSON.parse(`[${text.slice(start, to)}]`) as unknown[];
  for (const item of last) items.push(item);
  return items;
}

function tryParse(text: string, from: number, to: number): unknown[] | undefined {
  try {
    return JSON.parse(`[${text.slice(from, to)}]`) as unknown[];
  } catch {
    return undefined;
  }
}
