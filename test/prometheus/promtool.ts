import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Absolute path of an executable on PATH, or null: tests skip with a reason when it is absent. */
export function findExecutable(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory; keep looking.
    }
  }
  return null;
}

export interface CommandResult {
  status: number | null;
  output: string;
}

/** Runs a command to completion and returns its exit status with stdout and stderr joined. */
export function runCommand(
  executable: string,
  args: readonly string[],
  cwd?: string,
): CommandResult {
  const result = spawnSync(executable, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

export const PROMTOOL = findExecutable('promtool');
export const AMTOOL = findExecutable('amtool');

/**
 * Suffix for a describe title saying why it is skipped, also written to stderr: the default
 * reporter lists a skipped file without its titles, and a skip must not pass unnoticed.
 */
export function skipReason(executable: string | null, name: string, debianPackage: string): string {
  if (executable !== null) return '';
  const reason = `skipped: ${name} not found; apt-get install ${debianPackage}`;
  process.stderr.write(`${reason}\n`);
  return ` (${reason})`;
}
