import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allDashboards, renderDashboard } from './render-dashboards.js';

/**
 * Writes the dashboards to grafana/dashboards/ (`npm run dashboards`), or with `--check` writes
 * nothing and exits 1 when a committed file differs from what the builders produce. `--dir DIR`
 * points both at another directory.
 */
const DEFAULT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'dashboards');

function readIfPresent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function main(check: boolean, dir: string): number {
  const rendered = new Map(
    [...allDashboards()].map(([file, dashboard]) => [file, renderDashboard(dashboard)]),
  );
  const stale = readdirSync(dir).filter((file) => file.endsWith('.json') && !rendered.has(file));
  const outdated = [...rendered].filter(([file, json]) => readIfPresent(join(dir, file)) !== json);
  if (check) {
    for (const [file] of outdated) console.error(`${join(dir, file)} differs from its builder`);
    for (const file of stale) console.error(`${join(dir, file)} has no builder`);
    if (outdated.length + stale.length > 0) console.error('run `npm run dashboards` to regenerate');
    return outdated.length + stale.length === 0 ? 0 : 1;
  }
  for (const [file, json] of outdated) writeFileSync(join(dir, file), json);
  for (const file of stale) console.error(`${join(dir, file)} has no builder; remove it`);
  console.log(
    `dashboards: ${outdated.length} written, ${rendered.size - outdated.length} unchanged`,
  );
  return stale.length === 0 ? 0 : 1;
}

const dirFlag = process.argv.indexOf('--dir');
const dir = dirFlag === -1 ? DEFAULT_DIR : process.argv[dirFlag + 1];
if (dir === undefined) throw new Error('generate-dashboards requires a directory after --dir');
process.exitCode = main(process.argv.includes('--check'), dir);
