import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, loadsAtRunTime } from '../../helpers/source-imports.js';

const CLI_FOLDER = 'monitoring-service/src/cli';

/** Every file the module loads before it runs (not `import type`, not `await import`). */
function importGraphOf(file: string): string[] {
  return importGraph(join(CLI_FOLDER, file), (i) => loadsAtRunTime(i) && i.how === 'statement').map(
    (f) => relative(CLI_FOLDER, f),
  );
}

describe('drift CLI entry point', () => {
  it('loads only the argument parsing before the arguments ask for a run', () => {
    const loaded = importGraphOf('drift.ts');
    expect(loaded).toEqual([
      'cli-input-error.ts',
      'cli-result.ts',
      'drift-args.ts',
      'drift-main.ts',
      'drift.ts',
      'package-version.ts',
      'profile-cache-dir.ts',
    ]);
  });

  it('finds the engine behind the on-demand import, so the graph above is not vacuous', () => {
    const run = importGraphOf('run-drift-cli.ts');
    expect(run).toContain('../../../core/src/drift/compute-report.ts');
  });

  it('leaves the schema validation (zod, yaml) out of a run without --schema', () => {
    const run = importGraphOf('run-drift-cli.ts');
    expect(run.filter((file) => file.startsWith('../datasets/'))).toEqual([]);
    const schema = importGraphOf('schema-option.ts');
    expect(schema).toContain('../datasets/reference-schema.ts');
  });
});
