import { parseArgs } from 'node:util';
import { CliInputError } from './cli-input-error.js';

export interface DriftCliOptions {
  reference: string;
  current: string;
  /** Explicit column names; undefined means the default name, used only if present. */
  target: string | undefined;
  prediction: string | undefined;
  features: string[] | undefined;
  /** A reference schema JSON whose columns are used where the options above are not given. */
  schema: string | undefined;
  format: 'json' | 'text' | 'html';
  failOnDrift: boolean;
  alpha: number;
  benjaminiHochberg: boolean;
  /** Whether the fitted reference profile may be read from and stored in the cache. */
  cache: boolean;
}

export const USAGE = `Usage: npm run --silent drift -- --reference FILE --current FILE [options]

Compares current data with reference data and prints the drift report (docs/contracts.md).
Files are CSV with a header row, or JSON Lines; the extension decides: .csv, .jsonl, .ndjson.
A FILE of "-" is read from standard input (JSON Lines when it starts with "{", CSV otherwise).

Options:
  --reference FILE     reference data (required)
  --current FILE       current data (required)
  --target NAME        ground-truth column (default: "label", when both files have it)
  --prediction NAME    predicted-class column (default: "prediction", when both files have it)
  --features A,B,...   numerical feature columns (default: every other column)
  --schema FILE        a reference schema JSON (as reference-data/reference.schema.json):
                       its features, target and prediction columns are used where the three
                       options above are not given, so probability columns are not features;
                       when both files have its probability columns, they are calibrated on
                       the reference and estimate the current quality without labels
                       (estimatedClassification)
  --format json|text|html
                       output format (default: json). json records the settings that decided
                       (α, drift share, tests, PSI floor); text lists the columns most severe
                       first (drifted, then KS D descending, then p ascending); html is one
                       self-contained page (no script, nothing fetched), e.g. > report.html
  --alpha P            significance level of the KS and chi-square decisions (default: 0.05)
  --bh                 adjust the feature p-values with Benjamini–Hochberg before deciding
  --fail-on-drift      exit with code 3 when the dataset drifts
  --no-cache           neither read nor store the fitted reference profile (below)
  --help               show this help
  --version            print the version

While large files load, progress lines go to stderr when stderr is a terminal.

A CSV reference file's fitted profile is cached in $XDG_CACHE_HOME/driftwatch (default
~/.cache/driftwatch), found by the SHA-256 of the file's bytes, the column roles and the drift
engine's code, so the next run against the same reference skips parsing and fitting it; the
report is the same either way.
An unreadable or damaged cache entry is ignored. The files can be deleted at any time.

Exit codes: 0 report printed; 2 bad usage or input (message on stderr);
3 dataset drift with --fail-on-drift (report still printed).
`;

/**
 * Parses the drift CLI's arguments: the options of a run, or 'help' / 'version' when --help or
 * --version was asked for (--help wins). Imports nothing of the drift engine.
 * Throws CliInputError on an unknown option, a missing file option or an invalid value.
 */
export function parseDriftArgs(argv: readonly string[]): DriftCliOptions | 'help' | 'version' {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new CliInputError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (values.reference === undefined) throw new CliInputError('--reference FILE is required');
  if (values.current === undefined) throw new CliInputError('--current FILE is required');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'text' && format !== 'html') {
    throw new CliInputError(`--format must be json, text or html, got "${format}"`);
  }
  if (values.reference === '-' && values.current === '-') {
    throw new CliInputError('only one of --reference and --current can be read from stdin ("-")');
  }
  return {
    reference: values.reference,
    current: values.current,
    target: nonEmpty(values.target, '--target'),
    prediction: nonEmpty(values.prediction, '--prediction'),
    features: values.features === undefined ? undefined : featureList(values.features),
    schema: nonEmpty(values.schema, '--schema'),
    format,
    failOnDrift: values['fail-on-drift'] ?? false,
    alpha: alphaOf(values.alpha),
    benjaminiHochberg: values.bh ?? false,
    cache: !(values['no-cache'] ?? false),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      reference: { type: 'string' },
      current: { type: 'string' },
      target: { type: 'string' },
      prediction: { type: 'string' },
      features: { type: 'string' },
      schema: { type: 'string' },
      format: { type: 'string' },
      alpha: { type: 'string' },
      bh: { type: 'boolean' },
      'fail-on-drift': { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      help: { type: 'boolean' },
      version: { type: 'boolean' },
    },
  });
}

function nonEmpty(value: string | undefined, option: string): string | undefined {
  if (value === '') throw new CliInputError(`${option} needs a column name`);
  return value;
}

function featureList(value: string): string[] {
  const names = value.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) {
    throw new CliInputError(`--features has an empty name in "${value}"`);
  }
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw new CliInputError(`--features names "${repeated}" twice`);
  return names;
}

function alphaOf(value: string | undefined): number {
  if (value === undefined) return 0.05;
  const alpha = Number(value);
  if (value.trim() === '' || !(alpha > 0 && alpha < 1)) {
    throw new CliInputError(`--alpha must be a number between 0 and 1, got "${value}"`);
  }
  return alpha;
}
