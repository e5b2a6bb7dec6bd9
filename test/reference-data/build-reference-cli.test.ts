import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../prometheus/repo-paths.js';
import { childEntryArgs } from '../helpers/child-entry.js';

/** The builder's own process: its exit code and streams are what a user sees. */
function buildReference(...args: string[]) {
  return spawnSync(
    process.execPath,
    [...childEntryArgs('reference-data/src/build-reference.ts'), ...args],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
}

describe('npm run build:reference, its command line', () => {
  it('describes itself on --help and builds nothing', () => {
    const result = buildReference('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run build:reference/);
    expect(result.stdout).toContain('--out DIR');
    expect(result.stderr).toBe('');
  });

  it('rejects an unknown option with exit code 2, naming it and pointing at --help', () => {
    const result = buildReference('--outdir', '/tmp/x');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("'--outdir'");
    expect(result.stderr).toContain('--help');
    expect(result.stdout).toBe('');
  });
});
