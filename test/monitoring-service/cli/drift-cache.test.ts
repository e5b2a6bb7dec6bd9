import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../../monitoring-service/src/cli/profile-cache-dir.js';
import { REPO_ROOT, reportFixture, runDriftCliSync } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'drift-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REFERENCE = 'reference-data/reference.csv';
const SCHEMA = ['--schema', 'reference-data/reference.schema.json'];

/** Runs the CLI with its cache in `cacheDir`; the progress lines say whether the cache was read. */
function run(args: readonly string[], cacheDir: string) {
  const progress: string[] = [];
  const io = {
    now: () => 0,
    readStdin: () => '',
    cacheDir,
    progress: (l: string) => progress.push(l),
  };
  const result = runDriftCliSync(args, io);
  expect(result.stderr).toBe('');
  return { ...result, fromCache: progress.some((line) => line.includes('from the cache')) };
}

const entries = (cacheDir: string) => readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));

describe('drift CLI profile cache', () => {
  it('gives byte-identical reports from a cached profile, in every format', () => {
    const cacheDir = join(dir, 'formats');
    // The shipped reference's first rows as the current file: what is cached is the reference's
    // profile, and a small current file keeps each of the seven runs to that.
    const current = join(dir, 'current.csv');
    const lines = readFileSync(join(REPO_ROOT, REFERENCE), 'utf8').split('\n');
    writeFileSync(current, `${lines.slice(0, 401).join('\n')}\n`);
    const base = ['--reference', REFERENCE, '--current', current, ...SCHEMA];
    const uncached = run([...base, '--no-cache'], cacheDir);
    const first = run(base, cacheDir);
    const second = run(base, cacheDir);
    expect([uncached.fromCache, first.fromCache, second.fromCache]).toEqual([false, false, true]);
    expect(first.stdout).toBe(uncached.stdout);
    expect(second.stdout).toBe(uncached.stdout);
    // The estimate from the reference's probabilities comes from the cached calibration too.
    expect(JSON.parse(second.stdout).estimatedClassification).not.toBeNull();
    for (const format of ['text', 'html']) {
      const cached = run([...base, '--format', format], cacheDir);
      expect(cached.fromCache).toBe(true);
      expect(cached.stdout).toBe(run([...base, '--format', format, '--no-cache'], cacheDir).stdout);
    }
    // One entry: the same reference and column roles in every format; --no-cache stored nothing.
    expect(entries(cacheDir)).toHaveLength(1);
  });

  it('keys entries by the column roles as well as the content', () => {
    const cacheDir = join(dir, 'roles');
    const files = [
      '--reference',
      reportFixture('reference.csv'),
      '--current',
      reportFixture('current.csv'),
    ];
    run(files, cacheDir);
    const named = run([...files, '--features', 'f_shift,f_mild'], cacheDir);
    expect(named.fromCache).toBe(false);
    expect(Object.keys(JSON.parse(named.stdout).features)).toEqual(['f_shift', 'f_mild']);
    expect(entries(cacheDir)).toHaveLength(2);
  });

  it('fits again when the reference file changed, and ignores a damaged entry', async () => {
    const cacheDir = join(dir, 'stale');
    const reference = join(dir, 'reference.csv');
    copyFileSync(join(REPO_ROOT, reportFixture('reference.csv')), reference);
    const args = ['--reference', reference, '--current', reportFixture('current.csv')];
    const original = run(args, cacheDir);
    const text = await readFile(reference, 'utf8');
    const lastRow = text.trimEnd().split('\n').at(-1);
    writeFileSync(reference, `${text.trimEnd()}\n${lastRow}\n`);
    const edited = run(args, cacheDir);
    expect(edited.fromCache).toBe(false);
    expect(edited.stdout).not.toBe(original.stdout);
    expect(run(args, cacheDir).fromCache).toBe(true);
    for (const entry of entries(cacheDir)) writeFileSync(join(cacheDir, entry), 'DWP1garbage');
    const damaged = run(args, cacheDir);
    expect([damaged.exitCode, damaged.fromCache]).toEqual([0, false]);
    expect(damaged.stdout).toBe(edited.stdout);
    expect(run(args, cacheDir).fromCache).toBe(true);
  });

  it('still reports when the cache folder cannot be written', () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    const files = [
      '--reference',
      reportFixture('reference.csv'),
      '--current',
      reportFixture('current.csv'),
    ];
    const result = run(files, join(blocked, 'cache'));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(run([...files, '--no-cache'], blocked).stdout);
  });

  it('lives under $XDG_CACHE_HOME, else ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' }, '/home/u')).toBe('/x/cache/driftwatch');
    expect(defaultCacheDir({}, '/home/u')).toBe('/home/u/.cache/driftwatch');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' }, '/home/u')).toBe(
      '/home/u/.cache/driftwatch',
    );
  });
});
