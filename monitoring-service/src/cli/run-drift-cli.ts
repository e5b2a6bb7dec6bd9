/**
 * The drift CLI's work (DESIGN §4): reads both files, fits the reference profile and renders the
 * report as JSON or text. Exit 0 on success, 2 on bad usage or input (one line on stderr, nothing
 * on stdout), 3 when the dataset drifts and --fail-on-drift is set.
 */
import { computeDriftReport } from '../drift/compute-report.js';
import { fitReferenceProfile } from '../drift/reference-profile.js';
import { CliInputError } from './cli-input-error.js';
import { parseDriftArgs, USAGE } from './drift-args.js';
import { formatTextReport } from './format-text-report.js';
import { loadDriftTables } from './load-drift-tables.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL_ERROR = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_DRIFT = 3;

interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI on argument strings without touching the process's streams or exit code. */
export function runDriftCli(argv: readonly string[]): CliResult {
  try {
    const options = parseDriftArgs(argv);
    if (!options) return { exitCode: EXIT_OK, stdout: USAGE, stderr: '' };
    const tables = loadDriftTables(options);
    const profile = fitReferenceProfile(tables.reference, tables.roles.features);
    const report = computeDriftReport(profile, tables.current, {
      alpha: options.alpha,
      benjaminiHochberg: options.benjaminiHochberg,
    });
    const stdout =
      options.format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : formatTextReport(report, options.alpha);
    const exitCode = options.failOnDrift && report.dataset.drifted ? EXIT_DRIFT : EXIT_OK;
    return { exitCode, stdout, stderr: '' };
  } catch (error) {
    if (error instanceof CliInputError) {
      return { exitCode: EXIT_BAD_INPUT, stdout: '', stderr: `drift: ${error.message}\n` };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
      exitCode: EXIT_INTERNAL_ERROR,
      stdout: '',
      stderr: `drift: internal error: ${message}\n`,
    };
  }
}
