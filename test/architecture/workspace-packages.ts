import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/** The installable package a bare specifier names: `@scope/name` or `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}

/** A folder of a package's `src/`, as the cycle check groups files. */
export function folderOf(file: string, pkg: string): string {
  return relative(join(pkg, 'src'), dirname(file)) || '.';
}
