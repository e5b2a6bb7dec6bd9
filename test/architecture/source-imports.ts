import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { REPO_ROOT } from '../prometheus/repo-paths.js';

/** The workspace packages by folder: each service and tool, and the shared core. */
export const PACKAGE_FOLDERS = [
  'core',
  'prediction-service',
  'monitoring-service',
  'sender',
  'stack',
  'reference-data',
  'grafana',
] as const;

export interface SourceImport {
  /** Repository-relative path of the importing file. */
  file: string;
  specifier: string;
  /** `import type` / `export type`: erased by the compiler, loads nothing at run time. */
  typeOnly: boolean;
}

const STATEMENT =
  /(?:^|[;\n])\s*(?:import|export)\s+(type\s+)?(?:[\w*${}\s,]*?\s+from\s+)?['"]([^'"\n]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** Every TypeScript file under `folder` (repository-relative), `dist` and `node_modules` left out. */
export function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(folder);
  return out.sort();
}

/** The import and re-export statements and dynamic imports of one file. */
export function importsOf(file: string): SourceImport[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  const found: SourceImport[] = [];
  for (const m of text.matchAll(STATEMENT)) {
    found.push({ file, specifier: m[2] ?? '', typeOnly: m[1] !== undefined });
  }
  for (const m of text.matchAll(DYNAMIC))
    found.push({ file, specifier: m[1] ?? '', typeOnly: false });
  return found;
}

/** Repository-relative path a relative specifier names (`.js` written for the `.ts` file). */
export function resolveRelative(from: string, specifier: string): string {
  return normalize(join(dirname(from), specifier)).replace(/\.js$/, '.ts');
}

/** The installable package a bare specifier names: `@scope/name` or `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}

/** A folder of a package's `src/`, as the cycle check groups files. */
export function folderOf(file: string, pkg: string): string {
  return relative(join(pkg, 'src'), dirname(file)) || '.';
}
