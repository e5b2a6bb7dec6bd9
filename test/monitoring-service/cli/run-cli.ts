import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Runs the drift CLI as `npm run drift` does (tsx), from the repository root; `input` is its stdin. */
export function runDrift(args: readonly string[], input?: string) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'monitoring-service/src/cli/drift.ts', ...args],
    { cwd: REPO_ROOT, encoding: 'utf8', ...(input === undefined ? {} : { input }) },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const cliFixture = (name: string) => `test/fixtures/drift-cli/${name}`;
export const reportFixture = (name: string) => `test/fixtures/drift/${name}`;
