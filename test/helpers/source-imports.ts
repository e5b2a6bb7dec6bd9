/**
 * What a TypeScript source file imports, read as text: the one import reader of the tests that
 * check the code's shape (package boundaries, what an image or an entry point loads).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { REPO_ROOT } from '../prometheus/repo-paths.js';

export interface SourceImport {
  /** Repository-relative path of the importing file. */
  file: string;
  specifier: string;
  /** `import type` / `export type`: erased by the compiler, loads nothing at run time. */
  typeOnly: boolean;
  /**
   * How: an import or re-export statement (loaded with the module), `import('…')` (loaded on
   * demand), or `new URL('…', import.meta.url)` (a file the module names, such as a worker's).
   */
  how: 'statement' | 'import()' | 'url';
}

const SPECIFIER = `['"]([^'"\\n]+)['"]`;
/** Import and re-export statements, side-effect imports included. */
const STATEMENT = new RegExp(
  `(?:^|[;\\n])\\s*(?:import|export)\\s+(type\\s+)?(?:[^'";]*?\\s+from\\s+)?${SPECIFIER}`,
  'g',
);
const DYNAMIC = new RegExp(`\\bimport\\(\\s*${SPECIFIER}\\s*\\)`, 'g');
const WORKER_URL = new RegExp(
  `\\bnew URL\\(\\s*${SPECIFIER}\\s*,\\s*import\\.meta\\.url\\s*\\)`,
  'g',
);

/** The imports of one repository-relative file, in the order: statements, then on-demand loads. */
export function importsOf(file: string): SourceImport[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  const found: SourceImport[] = [];
  for (const m of text.matchAll(STATEMENT)) {
    found.push({ file, specifier: m[2] ?? '', typeOnly: m[1] !== undefined, how: 'statement' });
  }
  for (const m of text.matchAll(DYNAMIC)) {
    found.push({ file, specifier: m[1] ?? '', typeOnly: false, how: 'import()' });
  }
  for (const m of text.matchAll(WORKER_URL)) {
    found.push({ file, specifier: m[1] ?? '', typeOnly: false, how: 'url' });
  }
  return found;
}

/**
 * The repository-relative source file an import names: a relative path (`.js` written for the
 * `.ts` beside it), or a module of a workspace package (`@driftwatch/<package>/<path>` at
 * `<package>/src/<path>.ts`, its index without a path). Undefined for other packages.
 */
export function resolveImport(from: string, specifier: string): string | undefined {
  const workspace = /^@driftwatch\/([^/]+)(?:\/(.+))?$/.exec(specifier);
  if (workspace) return join(workspace[1]!, 'src', `${workspace[2] ?? 'index'}.ts`);
  if (!specifier.startsWith('.')) return undefined;
  const path = normalize(join(dirname(from), specifier));
  const asTs = path.replace(/\.js$/, '.ts');
  return asTs !== path && existsSync(join(REPO_ROOT, asTs)) ? asTs : path;
}

/**
 * Every source file reached from `entry` (repository-relative, sorted) through the imports that
 * `follow` accepts, transitively; other packages in node_modules are not followed.
 */
export function importGraph(entry: string, follow: (i: SourceImport) => boolean): string[] {
  const seen = new Set<string>();
  const pending = [normalize(entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const found of importsOf(file)) {
      const target = follow(found) ? resolveImport(file, found.specifier) : undefined;
      if (target !== undefined) pending.push(target);
    }
  }
  return [...seen].sort();
}

/** Files a module loads when it runs: every import but the type-only ones (tsc erases those). */
export const loadsAtRunTime = (i: SourceImport) => !i.typeOnly;
