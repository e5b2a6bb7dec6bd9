import { dirname, join, relative } from 'node:path';
import { filesUnder } from '../helpers/repo-files.js';

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

/** Every TypeScript source file under `folder` (repository-relative), declarations left out. */
export function sourceFiles(folder: string): string[] {
  return filesUnder(folder, (name) => /\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts'));
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
