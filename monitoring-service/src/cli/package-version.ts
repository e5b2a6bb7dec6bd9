import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of the package a module ships in: the `version` of the nearest package.json at or
 * above the module's folder that has one ("unknown" when none has), so the answer is the same
 * from the TypeScript source and from the compiled JavaScript.
 */
export function packageVersion(moduleUrl: string): string {
  let folder = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const version = versionIn(join(folder, 'package.json'));
    if (version !== undefined) return version;
    const parent = dirname(folder);
    if (parent === folder) return 'unknown';
    folder = parent;
  }
}

function versionIn(path: string): string | undefined {
  let version: unknown;
  try {
    version = (JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version;
  } catch {
    // No package.json here, or one that is not JSON: look further up.
    return undefined;
  }
  return typeof version === 'string' ? version : undefined;
}
