/**
 * `npm run bench`: runs every benchmark module in this folder (`*.bench.ts`, each exporting a
 * default async function that returns a JSON-serialisable result) and prints one JSON document
 * on stdout. Progress goes to stderr. `npm run bench -- featurizer drift` runs only those.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { CHILDREN_FROM_BUILD } from '../helpers/child-entry.js';

type Bench = () => Promise<Record<string, unknown>>;

// `npm run bench` builds first: services and CLIs the benchmarks start run from the build, as in
// production.
process.env[CHILDREN_FROM_BUILD] = '1';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .filter((f) => wanted.length === 0 || wanted.includes(basename(f, '.bench.ts')));

const results: Record<string, unknown> = {};
for (const file of files) {
  const name = basename(file, '.bench.ts');
  process.stderr.write(`bench: ${name}…\n`);
  const started = performance.now();
  const bench = (await import(pathToFileURL(join(here, file)).href)).default as Bench;
  try {
    results[name] = await bench();
  } catch (error) {
    results[name] = { error: error instanceof Error ? error.message : String(error) };
    process.exitCode = 1;
  }
  process.stderr.write(
    `bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
process.stdout.write(
  `${JSON.stringify({ node: process.version, cpus: availableParallelism(), benchmarks: results }, null, 2)}\n`,
);
