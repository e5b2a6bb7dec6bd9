/**
 * JSON parsing of large batch bodies in slices, straight from the chunks of UTF-8 bytes the body
 * arrived in. `JSON.parse` of a 10 MB batch holds the event loop for 100 ms or more, and so does
 * first joining the body's chunks into one 10 MB string or buffer. Here the batch array (the body itself, or the array under its one
 * key, as in `{ "events": [...] }`) is cut between two of its objects about every 64 kB; each
 * slice is decoded and parsed on its own, with a yield to the loop in between. A cut is taken at
 * the next `}` `,` `{` (JSON whitespace allowed around the comma) and kept only if the slice
 * before it parses: a slice that ends inside a string or inside an element always fails to parse,
 * so every accepted cut lies between two elements. The scan looks at ASCII bytes only, which never
 * occur inside a multi-byte UTF-8 sequence, so every slice decodes as the whole body would.
 * Anything that does not fit this shape is parsed whole. A leading byte order mark is skipped (as
 * a text body reader does). The result equals `JSON.parse` of the decoded text, and invalid JSON
 * throws a SyntaxError. Cost O(n).
 */
import { yieldToLoop } from '@driftwatch/core/async/yield-to-loop';
import { ByteChunks } from './byte-chunks.js';

/**
 * Bodies up to this many bytes are parsed in one go (well under a millisecond). Slices stay below
 * V8's large-object size (128 kB): a larger string is allocated in fresh pages of its own, and
 * decoding 11 MB in 256 kB slices cost ten times the CPU of 64 kB ones, as much as parsing it.
 */
const SLICE_BYTES = 64 * 1024;
/** Candidate cuts tried per slice before the rest of the array is parsed whole. */
const MAX_MISSES = 3;
/** Matched against the body's first bytes read as latin1, so a match's length is in bytes. */
const WRAPPED_ARRAY = /^[ \t\n\r]*\{[ \t\n\r]*"([A-Za-z_]+)"[ \t\n\r]*:[ \t\n\r]*\[/;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const BOM = [0xef, 0xbb, 0xbf] as const;

/** Parses the body made of `chunks` (or one buffer). */
export async function parseJsonInSlices(chunks: Buffer | readonly Buffer[]): Promise<unknown> {
  const body = new ByteChunks(Array.isArray(chunks) ? chunks : [chunks as Buffer]);
  const bom = body.at(0) === BOM[0] && body.at(1) === BOM[1] && body.at(2) === BOM[2];
  const from = bom ? 3 : 0;
  if (body.length - from <= SLICE_BYTES) return JSON.parse(body.toString('utf8', from));
  const wrapped = WRAPPED_ARRAY.exec(body.toString('latin1', from, from + 200));
  const open = wrapped ? from + wrapped[0].length - 1 : skipSpace(body, from);
  const close = body.lastIndexOf(CLOSE_BRACKET);
  const afterClose = skipSpace(body, close + 1);
  const rest = wrapped
    ? body.at(afterClose) === CLOSE_BRACE && skipSpace(body, afterClose + 1) === body.length
    : afterClose === body.length;
  if (body.at(open) !== OPEN_BRACKET || close < open || !rest) {
    return JSON.parse(body.toString('utf8', from));
  }
  const items = await parseElements(body, open + 1, close);
  return wrapped ? { [wrapped[1]!]: items } : items;
}

/** Parses the comma-separated JSON values of `body` between `from` and `to`. */
async function parseElements(body: ByteChunks, from: number, to: number): Promise<unknown[]> {
  const items: unknown[] = [];
  let start = from;
  let searchFrom = start + SLICE_BYTES;
  let misses = 0;
  while (to - start > SLICE_BYTES && misses < MAX_MISSES) {
    const cut = nextCut(body, searchFrom, to);
    if (!cut) break;
    const parsed = tryParse(body, start, cut.end);
    searchFrom = cut.end;
    if (!parsed) {
      misses++;
      continue;
    }
    for (const item of parsed) items.push(item);
    start = cut.next;
    misses = 0;
    searchFrom = start + SLICE_BYTES;
    await yieldToLoop();
  }
  for (const item of parseArray(body, start, to)) items.push(item);
  return items;
}

/**
 * The first `}` at or after `from` (before `to`) followed by a comma and a `{`: `end` just after
 * the `}`, `next` at the `{`.
 */
function nextCut(
  body: ByteChunks,
  from: number,
  to: number,
): { end: number; next: number } | undefined {
  for (let brace = body.indexOf(CLOSE_BRACE, from); brace >= 0 && brace < to; ) {
    const comma = skipSpace(body, brace + 1);
    if (body.at(comma) === COMMA) {
      const next = skipSpace(body, comma + 1);
      if (body.at(next) === OPEN_BRACE && next < to) return { end: brace + 1, next };
    }
    brace = body.indexOf(CLOSE_BRACE, brace + 1);
  }
  return undefined;
}

/** The first index at or after `from` that is not JSON whitespace (`body.length` if none). */
function skipSpace(body: ByteChunks, from: number): number {
  let i = from;
  while (i < body.length) {
    const byte = body.at(i);
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) break;
    i++;
  }
  return i;
}

function parseArray(body: ByteChunks, from: number, to: number): unknown[] {
  return JSON.parse(`[${body.toString('utf8', from, to)}]`) as unknown[];
}

function tryParse(body: ByteChunks, from: number, to: number): unknown[] | undefined {
  try {
    return parseArray(body, from, to);
  } catch {
    return undefined;
  }
}
