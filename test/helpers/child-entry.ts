import { join } from 'node:path';
import { entryArgs } from '../../core/src/runtime/module-entry.js';
import { REPO_ROOT } from '../prometheus/repo-paths.js';

/**
 * Set (to `1`) by whatever built the packages just before the tests or benchmarks ran: vitest's
 * global setup and `npm run bench`. Child processes then start from the build, as in production,
 * instead of compiling their sources under tsx at every start.
 */
export const CHILDREN_FROM_BUILD = 'DRIFTWATCH_CHILDREN_FROM_BUILD';

/**
 * Node arguments that run a package's entry point, given as `<package>/src/<path>.ts`, in a child
 * process: its compiled `dist/<path>.js` when the build is known to be fresh (see
 * CHILDREN_FROM_BUILD), else the source the way development runs it (tsx, packages resolved to
 * their sources).
 */
export function childEntryArgs(main: string): string[] {
  const match = /^([^/]+)\/src\/(.+)\.ts$/.exec(main);
  if (!match) throw new Error(`not a module under a package's src/: ${main}`);
  const fromSource = process.env[CHILDREN_FROM_BUILD] !== '1';
  return entryArgs(join(REPO_ROOT, match[1]!), match[2]!, fromSource);
}
