/**
 * Entry point of `npm run --silent drift -- --reference REF --current CUR [...]`; `--help` lists
 * the options. The work is in drift-main.ts, which loads the drift engine only for a run.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { driftMain } from './drift-main.js';
import { defaultCacheDir } from './profile-cache-dir.js';

const result = await driftMain(process.argv.slice(2), {
  now: Date.now,
  readStdin: () => readFileSync(0, 'utf8'),
  progress: process.stderr.isTTY ? (line) => process.stderr.write(`drift: ${line}\n`) : undefined,
  cacheDir: defaultCacheDir(process.env, homedir()),
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
