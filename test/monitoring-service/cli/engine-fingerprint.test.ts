import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { engineFingerprint } from '../../../monitoring-service/src/cli/engine-fingerprint.js';

/**
 * A workspace in a temporary folder: a core package with drift and stats modules in src/ and
 * dist/, linked under node_modules as npm links it, and a CLI module two folders down.
 */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'engine-fingerprint-'));
  for (const build of ['src', 'dist']) {
    const ext = build === 'src' ? 'ts' : 'js';
    for (const folder of ['drift', 'stats']) {
      mkdirSync(join(root, 'core', build, folder), { recursive: true });
      writeFileSync(join(root, 'core', build, folder, `a.${ext}`), `// ${folder} ${build}`);
    }
  }
  mkdirSync(join(root, 'node_modules', '@driftwatch'), { recursive: true });
  symlinkSync(join(root, 'core'), join(root, 'node_modules', '@driftwatch', 'core'));
  const cli = (ext: string) => pathToFileURL(join(root, 'cli-package', 'src', 'cli', `run.${ext}`));
  return { root, cli };
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the drift engine fingerprint in the profile cache key', () => {
  it('changes when a drift or statistics module changes, and only then', () => {
    const { root, cli } = workspace();
    made.push(root);
    const before = engineFingerprint(cli('ts').href);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(engineFingerprint(cli('ts').href)).toBe(before);
    writeFileSync(join(root, 'core', 'src', 'stats', 'a.ts'), '// stats src, edited');
    expect(engineFingerprint(cli('ts').href)).not.toBe(before);
  });

  it('reads the compiled modules when the CLI runs from the build', () => {
    const { root, cli } = workspace();
    made.push(root);
    const built = engineFingerprint(cli('js').href);
    writeFileSync(join(root, 'core', 'src', 'drift', 'a.ts'), '// only the source changed');
    expect(engineFingerprint(cli('js').href)).toBe(built);
    writeFileSync(join(root, 'core', 'dist', 'drift', 'a.js'), '// rebuilt');
    expect(engineFingerprint(cli('js').href)).not.toBe(built);
  });

  it('is undefined, so that nothing is cached, when the core package cannot be found', () => {
    const lonely = mkdtempSync(join(tmpdir(), 'engine-fingerprint-none-'));
    made.push(lonely);
    expect(engineFingerprint(pathToFileURL(join(lonely, 'run.js')).href)).toBeUndefined();
  });

  it('fingerprints this repository’s engine', () => {
    const url = pathToFileURL(
      join(import.meta.dirname, '../../../monitoring-service/src/cli/run-drift-cli.ts'),
    );
    expect(engineFingerprint(url.href)).toMatch(/^[0-9a-f]{64}$/);
  });
});
