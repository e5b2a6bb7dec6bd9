/**
 * A fingerprint of the code that fits reference profiles: the SHA-256 of the core package's
 * drift and statistics modules, as this process loads them (the TypeScript sources under tsx, the
 * compiled files otherwise). It is part of the profile cache's key, so that a changed engine never
 * reuses a profile fitted by an older one, even where the version number stays the same (between
 * two commits of one version, or after a rebuild).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runsFromSource } from '@driftwatch/core/runtime/module-entry';

const ENGINE_FOLDERS = ['drift', 'stats'];

/**
 * The fingerprint for the process that loaded `moduleUrl` (an `import.meta.url`), or undefined
 * when the core package or its modules cannot be read: then nothing may be cached.
 */
export function engineFingerprint(moduleUrl: string): string | undefined {
  try {
    const core = corePackageRoot(dirname(fileURLToPath(moduleUrl)));
    if (core === undefined) return undefined;
    const modules = join(core, runsFromSource(moduleUrl) ? 'src' : 'dist');
    const hash = createHash('sha256');
    for (const folder of ENGINE_FOLDERS) {
      const dir = join(modules, folder);
      for (const name of readdirSync(dir).sort()) {
        if (!/\.(ts|js)$/.test(name) || name.endsWith('.d.ts')) continue;
        hash
          .update(`${folder}/${name}\0`)
          .update(readFileSync(join(dir, name)))
          .update('\0');
      }
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/** Where `@driftwatch/core` is installed, found as node finds packages: up the node_modules. */
function corePackageRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '@driftwatch', 'core');
    if (existsSync(candidate)) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}
