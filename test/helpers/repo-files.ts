import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../prometheus/repo-paths.js';

/** Folders that hold no source of the project: installed modules, builds, local state. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git', '.data', 'coverage']);

/**
 * Repository-relative paths, sorted, of the files under `dir` (itself repository-relative) whose
 * name `keep` accepts, outside installed modules, builds and local state.
 */
export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(REPO_ROOT, folder), { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (keep(entry.name)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}
