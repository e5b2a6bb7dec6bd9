/**
 * JSON parsing of large batch bodies in slices. `JSON.parse` of a 10 MB batch holds the event loop
 * for 100 ms or more; here the elements of the batch array (the body itself, or the array under
 * its one key, as in `{ "events": [...] }`) are found by a scan that keeps track of strings and
 * nesting, and parsed a few hundred at a time with a yield to the loop between slices. The result
 * equals `JSON.parse(text)`; invalid JSON throws a SyntaxError. Cost O(n).
 */
import { yieldToLoop } from '../../../core/src/async/yield-to-loop.js';

/** Bodies shorter than this are parsed in one go: that takes well under a millisecond per 100 kB. */
const SLICE_CHARS = 256 * 1024;
const WRAPPED_ARRAY = /^\s*\{\s*"([A-Za-z_]+)"\s*:\s*\[/;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export async function parseJsonInSlices(text: string): Promise<unknown> {
  if (text.length <= SLICE_CHARS) return JSON.parse(text);
  const wrapped = WRAPPED_ARRAY.exec(text.slice(0, 200));
  const open = wrapped ? wrapped[0].length - 1 : text.search(/\S/);
  if (text.charCodeAt(open) !== 0x5b) return JSON.parse(text);
  const { items, end } = await parseArrayAt(text, open);
  const rest = text.slice(end).trim();
  if (!wrapped) {
    if (rest !== '') throw new SyntaxError('unexpected text after the JSON array');
    return items;
  }
  if (rest === '}') return { [wrapped[1]!]: items };
  // More keys after the array: rare, and an error for every batch route; parse it whole.
  return JSON.parse(text);
}

/** Parses the array whose `[` is at `open`; returns its items and the index after its `]`. */
async function parseArrayAt(
  text: string,
  open: number,
): Promise<{ items: unknown[]; end: number }> {
  const items: unknown[] = [];
  let depth = 0;
  let sliceStart = open + 1;
  let scannedSinceYield = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = endOfString(text, i);
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (depth === 0) {
        if (text.slice(sliceStart, i).trim() !== '') pushParsed(text, sliceStart, i, items);
        else if (items.length > 0 || text.charCodeAt(sliceStart - 1) === 0x2c) {
          throw new SyntaxError('unexpected "]" after ","');
        }
        return { items, end: i + 1 };
      }
      depth--;
    } else if (c === 0x2c && depth === 0 && i - sliceStart >= SLICE_CHARS) {
      pushParsed(text, sliceStart, i, items);
      sliceStart = i + 1;
    }
    if (i - open - scannedSinceYield >= SLICE_CHARS) {
      scannedSinceYield = i - open;
      await yieldToLoop();
    }
  }
  throw new SyntaxError('unterminated JSON array');
}

/** Index of the quote closing the string that opens at `start`. */
function endOfString(text: string, start: number): number {
  let i = start;
  for (;;) {
    i = text.indexOf('"', i + 1);
    if (i < 0) throw new SyntaxError('unterminated JSON string');
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
}

function pushParsed(text: string, from: number, to: number, into: unknown[]): void {
  const parsed = JSON.parse(`[${text.slice(from, to)}]`) as unknown[];
  for (const item of parsed) into.push(item);
}
