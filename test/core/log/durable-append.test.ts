import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { durableAppend, remainingAfter } from '../../../core/src/log/durable-append.js';

describe('durableAppend', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'durable-append-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it.each([
    ['a small batch', 10, 100],
    ['a batch of megabytes, written off the loop', 5_000, 800],
  ])('appends %s in order after what the file held', async (_name, count, size) => {
    const path = join(dir, 'log');
    const handle = await open(path, 'a');
    const records = Array.from({ length: count }, (_, i) => Buffer.alloc(size, 97 + (i % 26)));
    try {
      await durableAppend(handle.fd, [Buffer.from('head\n')]);
      await durableAppend(handle.fd, records);
      await durableAppend(handle.fd, [Buffer.from('tail\n')]);
    } finally {
      await handle.close();
    }
    const expected = Buffer.concat([Buffer.from('head\n'), ...records, Buffer.from('tail\n')]);
    expect((await readFile(path)).equals(expected)).toBe(true);
  });
});

describe('remainingAfter', () => {
  const parts = [Buffer.from('abc'), Buffer.alloc(0), Buffer.from('de'), Buffer.from('fgh')];
  const text = (buffers: Buffer[]) => Buffer.concat(buffers).toString();

  it('leaves the bytes after the first n, splitting a buffer where the write stopped', () => {
    for (let n = 0; n <= 8; n++) expect(text(remainingAfter(parts, n))).toBe('abcdefgh'.slice(n));
    expect(remainingAfter(parts, 8)).toEqual([]);
    expect(remainingAfter(parts, 4)[0]!.toString()).toBe('e');
  });
});
