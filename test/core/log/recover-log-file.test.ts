import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frameRecord } from '../../../core/src/log/record-framing.js';
import { recoverLogFile } from '../../../core/src/log/recover-log-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recover-log-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const intact = frameRecord('{"n":1}') + frameRecord('{"n":2}') + frameRecord('{"n":3}');

describe('recoverLogFile', () => {
  it('quarantines a damaged record, keeps the file, and knows the damage on the next start', async () => {
    const file = join(dir, 'segment.log');
    await writeFile(file, intact.replace('{"n":2}', '{"n":9}'));
    const first = await recoverLogFile(file, { cutTornTail: true });
    expect(first.records.map((r) => r.payload.toString())).toEqual(['{"n":1}', '{"n":3}']);
    expect(first.damaged).toHaveLength(1);
    expect(first.damaged[0]!.known).toBe(false);
    expect(await readFile(first.damaged[0]!.quarantinePath, 'utf8')).toContain('{"n":9}');
    expect((await stat(file)).size).toBe(intact.length);
    const second = await recoverLogFile(file, { cutTornTail: true });
    expect(second.damaged.map((d) => d.known)).toEqual([true]);
  });

  it('cuts a torn tail only when asked, quarantining it either way', async () => {
    const file = join(dir, 'segment.log');
    await writeFile(file, `${intact}0badc0de {"n":`);
    const kept = await recoverLogFile(file, { cutTornTail: false });
    expect(kept.length).toBe(intact.length + 14);
    expect(kept.torn?.length).toBe(14);
    const cut = await recoverLogFile(file, { cutTornTail: true });
    expect(cut.length).toBe(intact.length);
    expect((await stat(file)).size).toBe(intact.length);
    expect(await readFile(cut.torn!.quarantinePath, 'utf8')).toBe('0badc0de {"n":');
  });

  it('treats a missing file as an empty log', async () => {
    const recovered = await recoverLogFile(join(dir, 'none.log'), { cutTornTail: false });
    expect(recovered).toMatchObject({ records: [], damaged: [], length: 0 });
  });
});
