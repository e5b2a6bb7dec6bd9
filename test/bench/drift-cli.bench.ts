/**
 * The drift CLI end to end (`npm run bench -- drift-cli`): process start to report written, on
 * compiled JavaScript run with plain `node`, against a pandas + scipy script doing the same
 * statistics on the same files in the same run. Seeded CSV files: a 20 000-row reference and a
 * 1 000-row current file, each with 65 features, `label`, `prediction` and seven `proba_*`
 * columns (the features are named with --features; the script skips the other columns).
 *
 * Times, as medians of RUNS runs taken in turns: the CLI with an empty profile cache (cold: it
 * parses and fits the reference, then stores the profile), with the cache filled (warm), with
 * --no-cache, its `--help`, `node -e 0` (the floor any node process pays on this machine) and
 * drift_cli_pandas.py (pandas.read_csv, then ks_2samp + PSI per feature and chi-square, JS and
 * PSI for prediction and label). The CLI also computes classification quality, which the script
 * does not. Output goes to files; the bench checks that the warm report is byte-identical to the
 * cold one and that the script's numbers agree with the CLI's.
 *
 * The CLI is `monitoring-service/dist/cli/drift.js` (`npm run build`), or the file named by the
 * environment variable DRIFT_CLI_JS (e.g. a throwaway `tsc --outDir` build). Without it the case
 * is skipped. The Python side runs only where /usr/bin/python3 or python3 imports pandas and scipy.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDriftCsv } from './drift-cli-data.js';
import { FEATURES, uniformSource } from './drift-bench-data.js';
import { median } from './stats.js';

const RUNS = 7;
const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..');

/** Runs a command with stdout to `outFile`; wall-clock milliseconds, throws on a failed run. */
function timed(command: string, args: readonly string[], outFile: string, env = process.env) {
  const out = openSync(outFile, 'w');
  try {
    const start = performance.now();
    const run = spawnSync(command, args, { stdio: ['ignore', out, 'pipe'], env });
    const ms = performance.now() - start;
    if (run.status !== 0) {
      throw new Error(`${command} ${args[0]} exited ${run.status}: ${String(run.stderr).trim()}`);
    }
    return ms;
  } finally {
    closeSync(out);
  }
}

/** The first interpreter that imports pandas and scipy, or why there is none. */
function pandasPython(): string | { skipped: string } {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import pandas, scipy'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  return { skipped: 'neither /usr/bin/python3 nor python3 imports pandas and scipy' };
}

/** Largest absolute difference of the KS p-values and PSI between the script and the CLI. */
function agreement(cliReport: string, pythonReport: string) {
  type Features = Record<string, { ks: { pValue: number }; psi: number }>;
  const cli = JSON.parse(cliReport) as { features: Features };
  const python = JSON.parse(pythonReport) as { features: Features };
  let ksPValue = 0;
  let psi = 0;
  for (const [name, feature] of Object.entries(python.features)) {
    ksPValue = Math.max(ksPValue, Math.abs(feature.ks.pValue - cli.features[name]!.ks.pValue));
    psi = Math.max(psi, Math.abs(feature.psi - cli.features[name]!.psi));
  }
  return { maxAbsDiffKsPValue: ksPValue, maxAbsDiffPsi: psi };
}

export default async function driftCliBench(): Promise<Record<string, unknown>> {
  const cli = resolve(
    process.env.DRIFT_CLI_JS ?? join(ROOT, 'monitoring-service/dist/cli/drift.js'),
  );
  if (!existsSync(cli)) return { skipped: `run npm run build first (no ${cli})` };
  const dir = mkdtempSync(join(tmpdir(), 'drift-cli-bench-'));
  try {
    const uniform = uniformSource(2026_12_06);
    const reference = join(dir, 'reference.csv');
    const current = join(dir, 'current.csv');
    writeDriftCsv(reference, 20_000, uniform, 0);
    writeDriftCsv(current, 1_000, uniform, 0.05);
    const cache = join(dir, 'cache');
    const env = { ...process.env, XDG_CACHE_HOME: cache };
    const args = [
      cli,
      ...['--reference', reference, '--current', current],
      ...['--features', FEATURES.join(','), '--format', 'json'],
    ];
    const out = (name: string) => join(dir, name);
    const python = pandasPython();
    const script = join(here, 'drift_cli_pandas.py');
    const times = { cold: [] as number[], warm: [] as number[], noCache: [] as number[] };
    const help: number[] = [];
    const nodeFloor: number[] = [];
    const pandas: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      rmSync(cache, { recursive: true, force: true });
      times.cold.push(timed('node', args, out('cold.json'), env));
      times.warm.push(timed('node', args, out('warm.json'), env));
      times.noCache.push(timed('node', [...args, '--no-cache'], out('no-cache.json'), env));
      help.push(timed('node', [cli, '--help'], out('help.txt')));
      nodeFloor.push(timed('node', ['-e', '0'], out('floor.txt')));
      if (typeof python === 'string') {
        pandas.push(timed(python, [script, reference, current, out('pandas.json')], out('py.txt')));
      }
      process.stderr.write(`drift-cli bench: run ${run + 1} of ${RUNS}\n`);
    }
    const report = (name: string) => readFileSync(out(name), 'utf8');
    const medians = {
      cold: median(times.cold),
      warm: median(times.warm),
      noCache: median(times.noCache),
      help: median(help),
      nodeFloor: median(nodeFloor),
    };
    const pandasMs = pandas.length > 0 ? median(pandas) : null;
    return {
      cli,
      runs: RUNS,
      files: { referenceRows: 20_000, currentRows: 1_000, features: FEATURES.length },
      medianMs: { ...medians, pandasScipy: pandasMs },
      allMs: { ...times, help, nodeFloor, pandasScipy: pandas },
      warmReportIdentical: report('warm.json') === report('cold.json'),
      noCacheReportIdentical: report('no-cache.json') === report('cold.json'),
      pandasScipy:
        typeof python === 'string'
          ? { python, ...agreement(report('cold.json'), report('pandas.json')) }
          : python,
      pandasOverCli:
        pandasMs === null
          ? null
          : {
              cold: pandasMs / medians.cold,
              warm: pandasMs / medians.warm,
              noCache: pandasMs / medians.noCache,
            },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
