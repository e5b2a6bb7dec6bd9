import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFixture, REPO_ROOT, reportFixture, runDrift, runDriftCliSync } from './run-cli.js';

const fixtureFiles = [
  '--reference',
  reportFixture('reference.csv'),
  '--current',
  reportFixture('current.csv'),
];

describe('drift CLI: settings, severity, stdin, HTML and progress', () => {
  it('records the settings that decided after the pinned fields of the JSON report', () => {
    const { status, stdout } = runDrift([...fixtureFiles, '--alpha', '0.01', '--bh']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).settings).toEqual({
      alpha: 0.01,
      driftShare: 0.5,
      benjaminiHochberg: true,
      tests: { numerical: 'ks', categorical: 'chi-square' },
      psiFloor: 1e-4,
    });
  });

  it('lists the features most severe first in text', () => {
    const { stdout } = runDrift([...fixtureFiles, '--format', 'text']);
    const names = stdout
      .split('\n')
      .slice(3, 9)
      .map((line) => line.split(/\s+/)[0]);
    // Drifted f_shift, f_scale, f_mild by D descending, then the others by D (expected-report.json).
    expect(names).toEqual(['f_shift', 'f_scale', 'f_mild', 'f_ties', 'f_stable', 'f_const']);
  });

  it('reads "-" from stdin, CSV or JSON Lines, as it reads the file', () => {
    const small = ['--reference', cliFixture('reference.csv'), '--current'];
    const fromFile = runDrift([...small, cliFixture('current.csv')]);
    const csv = readFileSync(join(REPO_ROOT, cliFixture('current.csv')), 'utf8');
    const jsonl = readFileSync(join(REPO_ROOT, cliFixture('current.jsonl')), 'utf8');
    expect(runDrift([...small, '-'], csv)).toEqual(fromFile);
    expect(runDrift([...small, '-'], jsonl)).toEqual(fromFile);
    const both = runDrift(['--reference', '-', '--current', '-'], csv);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/only one of --reference and --current/);
  });

  it('prints one self-contained HTML page with --format html', () => {
    const { status, stdout, stderr } = runDrift([...fixtureFiles, '--format', 'html']);
    expect([status, stderr]).toEqual([0, '']);
    expect(stdout.startsWith('<!doctype html>')).toBe(true);
    expect(stdout).not.toMatch(/<script|<link rel="stylesheet"|https?:\/\/|@import|url\(/i);
    for (const name of ['f_shift', 'f_const', 'Bicep Curl']) expect(stdout).toContain(name);
  });

  it('reports progress while a large file loads, only through the progress sink', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'drift-progress-'));
    try {
      const rows = Array.from({ length: 120_000 }, (_, i) => `${i % 97}.125,${(i * 7) % 89}.5`);
      const file = join(dir, 'current.csv');
      await writeFile(file, `a,b\n${rows.join('\n')}\n`);
      const args = ['--reference', file, '--current', file];
      const lines: string[] = [];
      const io = { now: () => 0, readStdin: () => '', progress: (l: string) => lines.push(l) };
      expect(runDriftCliSync(args, io).exitCode).toBe(0);
      expect(lines[0]).toMatch(/^reading reference .*current\.csv \(\d+\.\d MB\)…$/);
      expect(lines).toContain(`read current ${file}: 120000 rows`);
      const quiet = runDriftCliSync(args, { now: () => 0, readStdin: () => '' });
      expect(quiet.stderr).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
