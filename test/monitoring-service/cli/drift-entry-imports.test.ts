import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './run-cli.js';

const CLI = join(REPO_ROOT, 'monitoring-service/src/cli');

/**
 * Source files a file loads when it loads (not `import type`, not `await import`): relative
 * imports, and modules of the workspace packages (`@driftwatch/core/…`) at their sources.
 */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [
    ...text.matchAll(
      /^(?:import|export)\s(?!type\s)[^;]*?from\s+'(\.{1,2}\/[^']+|@driftwatch\/[^']+)'/gms,
    ),
  ];
  return found.map((match) => {
    const specifier = match[1]!;
    const workspace = /^@driftwatch\/([^/]+)\/(.+)$/.exec(specifier);
    if (workspace) return join(REPO_ROOT, workspace[1]!, 'src', `${workspace[2]}.ts`);
    return join(dirname(file), specifier.replace(/\.js$/, '.ts'));
  });
}

/** Every file the entry point loads before it knows what the arguments ask for. */
function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...staticImports(file));
  }
  return seen;
}

describe('drift CLI entry point', () => {
  it('loads only the argument parsing before the arguments ask for a run', () => {
    const loaded = [...importGraph(join(CLI, 'drift.ts'))].map((f) => relative(CLI, f)).sort();
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
    const run = [...importGraph(join(CLI, 'run-drift-cli.ts'))].map((f) => relative(CLI, f));
    expect(run).toContain('../../../core/src/drift/compute-report.ts');
  });

  it('leaves the schema validation (zod, yaml) out of a run without --schema', () => {
    const run = [...importGraph(join(CLI, 'run-drift-cli.ts'))].map((f) => relative(CLI, f));
    expect(run.filter((file) => file.startsWith('../datasets/'))).toEqual([]);
    const schema = [...importGraph(join(CLI, 'schema-option.ts'))].map((f) => relative(CLI, f));
    expect(schema).toContain('../datasets/reference-schema.ts');
  });
});
