/**
 * vitest's global setup, run once before any test:
 * - builds the packages (`tsc -b`, about 2 s when the build is up to date), so that the services,
 *   workers and CLIs the tests start as child processes run from the build, as in production,
 *   instead of compiling their sources under tsx at every start (tests that import modules still
 *   run on the sources);
 * - meanwhile trains the scenario tests' small model once for every worker (helpers in
 *   sender/helpers/scenario-model.ts), where each worker used to train its own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHILDREN_FROM_BUILD } from '../helpers/child-entry.js';
import { REPO_ROOT } from '../prometheus/repo-paths.js';
import { SCENARIO_ARTIFACTS_DIR, saveScenarioArtifacts } from '../sender/helpers/scenario-model.js';

function build(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '-b', 'tsconfig.build.json'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`tsc -b failed (${code ?? signal})`)),
    );
  });
}

export default async function globalSetup(): Promise<() => void> {
  const started = performance.now();
  const built = build();
  const artifacts = mkdtempSync(join(tmpdir(), 'driftwatch-test-scenario-model-'));
  try {
    saveScenarioArtifacts(artifacts);
    await built;
  } catch (error) {
    rmSync(artifacts, { recursive: true, force: true });
    throw error;
  }
  process.env[CHILDREN_FROM_BUILD] = '1';
  process.env[SCENARIO_ARTIFACTS_DIR] = artifacts;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`global setup (build, scenario model): ${seconds} s\n`);
  return () => rmSync(artifacts, { recursive: true, force: true });
}
