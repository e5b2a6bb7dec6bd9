import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { REPO_ROOT } from '../prometheus/repo-paths.js';

// Specifiers a module loads when it runs, relative or of a workspace package: static imports and
// re-exports that are not type-only, side-effect imports, dynamic import() and worker URLs built
// from import.meta.url.
const SPECIFIER = `(\\.{1,2}\\/[^'"]+|@driftwatch\\/[^'"]+)`;
const LOADS = [
  new RegExp(`^\\s*(?:import|export)\\s+(?!type\\b)[^'";]*?\\bfrom\\s+['"]${SPECIFIER}['"]`, 'gm'),
  new RegExp(`^\\s*import\\s+['"]${SPECIFIER}['"]`, 'gm'),
  new RegExp(`\\bimport\\(\\s*['"]${SPECIFIER}['"]\\s*\\)`, 'g'),
  /\bnew URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];

/**
 * The file a specifier names: `.js` in TypeScript sources means the `.ts` beside it, and
 * `@driftwatch/<package>/<path>` a module of that package's sources (its `source` export).
 */
function resolveSpecifier(fromFile: string, specifier: string): string {
  const workspace = /^@driftwatch\/([^/]+)(?:\/(.+))?$/.exec(specifier);
  if (workspace) return join(workspace[1]!, 'src', `${workspace[2] ?? 'index'}.ts`);
  const path = normalize(join(dirname(fromFile), specifier));
  const asTs = path.replace(/\.js$/, '.ts');
  return asTs !== path && existsSync(join(REPO_ROOT, asTs)) ? asTs : path;
}

/**
 * Repository-relative paths of every source file `entry` loads at run time, following relative
 * and workspace-package imports transitively (other packages in node_modules are not followed). Type-only imports are left
 * out: tsx erases them.
 */
export function runtimeImports(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [normalize(entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    for (const pattern of LOADS) {
      for (const match of text.matchAll(pattern)) {
        pending.push(resolveSpecifier(file, match[1]!));
      }
    }
  }
  return [...seen].map((file) => relative('.', file)).sort();
}
