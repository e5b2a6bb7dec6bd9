/** Where the launcher finds the repository's files, wherever it is started from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PROMETHEUS_DIR = join(REPO_ROOT, 'prometheus');

/** Parses a YAML file given relative to the repository root. */
export function readRepoYaml(relativePath: string): unknown {
  return parse(readFileSync(join(REPO_ROOT, relativePath), 'utf8'));
}
