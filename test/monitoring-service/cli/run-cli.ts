import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../../monitoring-service/src/cli/cli-io.js';
import { answerOrOptions, isOptions } from '../../../monitoring-service/src/cli/drift-main.js';
import { runDriftReport } from '../../../monitoring-service/src/cli/run-drift-cli.js';
import { readSchema } from '../../../monitoring-service/src/cli/schema-option.js';
import { childEntryArgs } from '../../helpers/child-entry.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface DriftRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the drift CLI in process, as its entry point does but without a terminal (no progress
 * lines); `input` is its stdin, empty when not given, as for a child process with a closed pipe.
 * File arguments are relative to the repository root, where vitest runs.
 */
export function runDrift(args: readonly string[], input?: string): DriftRun {
  if (process.cwd() !== REPO_ROOT) {
    throw new Error(`drift CLI tests resolve files from ${REPO_ROOT}; run them from there`);
  }
  const result = runDriftCliSync(args, { now: Date.now, readStdin: () => input ?? '' });
  return { status: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

/**
 * What driftMain does, but synchronously: the engine and the schema reader are imported up front
 * here instead of on demand, which is the only difference (driftMain itself is tested once, in drift.test.ts).
 */
export function runDriftCliSync(args: readonly string[], io: CliIo) {
  const parsed = answerOrOptions(args);
  return isOptions(parsed) ? runDriftReport(parsed, io, readSchema) : parsed;
}

/**
 * Runs the drift CLI as `npm run drift` does (tsx, its own process), from the repository root;
 * `input` is its stdin. Only for what the process boundary decides: the exit code, the streams.
 */
export function runDriftProcess(args: readonly string[], input?: string): DriftRun {
  // Its profile cache goes to a folder of its own, not to the user's.
  const cacheHome = mkdtempSync(join(tmpdir(), 'drift-cli-cache-'));
  try {
    const result = spawnSync(
      process.execPath,
      [...childEntryArgs('monitoring-service/src/cli/drift.ts'), ...args],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, XDG_CACHE_HOME: cacheHome },
        ...(input === undefined ? {} : { input }),
      },
    );
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}

export const cliFixture = (name: string) => `test/fixtures/drift-cli/${name}`;
export const reportFixture = (name: string) => `test/fixtures/drift/${name}`;
