import { join } from 'node:path';

/**
 * The folder of the drift CLI's profile cache: $XDG_CACHE_HOME/driftwatch when that variable is
 * set (and absolute, as the XDG convention requires), else ~/.cache/driftwatch.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv, home: string): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg?.startsWith('/') ? xdg : join(home, '.cache');
  return join(base, 'driftwatch');
}
