import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROMETHEUS_DIR = join(REPO_ROOT, 'prometheus');

/** Parses a YAML file given relative to the repository root. */
export function readYaml(relativePath: string): unknown {
  return parse(readFileSync(join(REPO_ROOT, relativePath), 'utf8'));
}
