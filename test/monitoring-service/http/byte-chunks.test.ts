import { describe, expect, it } from 'vitest';
import { ByteChunks } from '../../../monitoring-service/src/http/byte-chunks.js';

/** `text`'s UTF-8 bytes cut at the given byte offsets (empty pieces included on purpose). */
function cut(text: string, at: number[]): Buffer[] {
  const bytes = Buffer.from(text);
  const bounds = [0, ...at, bytes.length];
  return bounds.slice(1).map((end, i) => bytes.subarray(bounds[i], end));
}

describe('ByteChunks', () => {
  const text = 'ab}c, {dé✓}x]';
  const whole = Buffer.from(text);
  // Cuts inside "é" (2 bytes) and "✓" (3 bytes), plus an empty chunk.
  const chunks = new ByteChunks(cut(text, [2, 2, 9, 12, 14]));

  it('reads bytes, first and last positions as the joined buffer does', () => {
    expect(chunks.length).toBe(whole.length);
    for (let i = -1; i <= whole.length; i++) expect(chunks.at(i)).toBe(whole[i]);
    for (const byte of [0x7d, 0x2c, 0x7b, 0x5d, 0x78, 0x00]) {
      for (let from = 0; from <= whole.length; from++) {
        expect(chunks.indexOf(byte, from)).toBe(whole.indexOf(byte, from));
      }
      expect(chunks.lastIndexOf(byte)).toBe(whole.lastIndexOf(byte));
    }
  });

  it('decodes any range as the joined buffer does, characters split across chunks included', () => {
    for (let from = 0; from <= whole.length; from++) {
      for (let to = from; to <= whole.length; to++) {
        expect(chunks.toString('utf8', from, to)).toBe(whole.toString('utf8', from, to));
        expect(chunks.toString('latin1', from, to)).toBe(whole.toString('latin1', from, to));
      }
    }
    expect(chunks.toString('utf8', 0)).toBe(text);
  });

  it('decodes broken UTF-8 as the joined buffer does, wherever the chunks are cut', () => {
    const broken = Buffer.from([0x61, 0xe2, 0x82, 0x78, 0xff, 0xf0, 0x9f, 0x98, 0xe2, 0x82, 0xac]);
    for (let at = 0; at <= broken.length; at++) {
      const split = new ByteChunks([broken.subarray(0, at), broken.subarray(at)]);
      expect(split.toString('utf8', 0)).toBe(broken.toString('utf8'));
    }
  });

  it('is empty without chunks', () => {
    const empty = new ByteChunks([]);
    expect(empty.length).toBe(0);
    expect(empty.at(0)).toBeUndefined();
    expect(empty.indexOf(0x7b, 0)).toBe(-1);
    expect(empty.lastIndexOf(0x7b)).toBe(-1);
    expect(empty.toString('utf8', 0)).toBe('');
  });
});
