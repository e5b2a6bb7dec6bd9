import { join } from 'node:path';
import { entryArgs } from '../../core/src/runtime/module-entry.js';
import { REPO_ROOT } from '../prometheus/repo-paths.js';

/**
 * Node arguments that run a package's source module, given as `<package>/src/<path>.ts`, the way
 * development runs it (tsx, packages resolved to their sources).
 */
export function sourceEntryArgs(main: string): string[] {
  const match = /^([^/]+)\/src\/(.+)\.ts$/.exec(main);
  if (!match) throw new Error(`not a module under a package's src/: ${main}`);
  return entryArgs(join(REPO_ROOT, match[1]!), match[2]!, true);
}
