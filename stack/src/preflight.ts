/** Checks made before anything starts, so a missing model or a busy port fails in one clear line. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { assertPortFree, StackStartError } from './readiness.js';
import { REPO_ROOT } from './repo-paths.js';
import { PORT_VARIABLES, type StackConfig } from './stack-config.js';

const DEFAULT_DATASETS = join(REPO_ROOT, 'monitoring-service', 'config', 'datasets.yaml');
const BUILD_HINT = 'run `npm run build:reference` to build the model and reference table';

function requireFile(path: string, what: string): void {
  if (!existsSync(path)) {
    throw new StackStartError(
      `${what} not found at ${relative(process.cwd(), path)}: ${BUILD_HINT}`,
    );
  }
}

export async function preflight(c: StackConfig): Promise<void> {
  requireFile(c.modelPath, 'model card');
  // Only the default datasets file is known to read the committed reference table.
  if (c.datasetsConfig === DEFAULT_DATASETS) {
    requireFile(join(REPO_ROOT, 'reference-data', 'reference.csv'), 'reference table');
  } else {
    requireFile(c.datasetsConfig, 'datasets config');
  }
  const names = c.binaries
    ? (['monitoring', 'prediction', 'alertmanager', 'prometheus'] as const)
    : (['monitoring', 'prediction'] as const);
  for (const name of names) {
    await assertPortFree(c.ports[name], name, PORT_VARIABLES[name]);
  }
}
