/**
 * The drift CLI as a function of its arguments: what the entry point runs, and what tests call in
 * process. Arguments are parsed first; `--help`, `--version` and bad usage are answered without
 * loading the drift engine, which is imported only for a run, so those answers start fast.
 */
import { CliInputError } from './cli-input-error.js';
import type { CliIo } from './cli-io.js';
import { type CliResult, EXIT_BAD_INPUT, EXIT_OK } from './cli-result.js';
import { type DriftCliOptions, parseDriftArgs, USAGE } from './drift-args.js';
import { packageVersion } from './package-version.js';

/** Runs the CLI on argument strings without touching the process's streams or exit code. */
export async function driftMain(argv: readonly string[], io: CliIo): Promise<CliResult> {
  const parsed = answerOrOptions(argv);
  if (!isOptions(parsed)) return parsed;
  const { runDriftReport } = await import('./run-drift-cli.js');
  // The schema reader brings zod and yaml: loaded only when a schema is to be read.
  const schemaReader =
    parsed.schema === undefined ? undefined : (await import('./schema-option.js')).readSchema;
  return runDriftReport(parsed, io, schemaReader);
}

/**
 * What the arguments alone decide: the usage text, the version or the bad-usage message (exit
 * 2) as a finished result, otherwise the options of a run.
 */
export function answerOrOptions(argv: readonly string[]): CliResult | DriftCliOptions {
  let parsed: ReturnType<typeof parseDriftArgs>;
  try {
    parsed = parseDriftArgs(argv);
  } catch (error) {
    if (!(error instanceof CliInputError)) throw error;
    return { exitCode: EXIT_BAD_INPUT, stdout: '', stderr: `drift: ${error.message}\n` };
  }
  if (parsed === 'help') return { exitCode: EXIT_OK, stdout: USAGE, stderr: '' };
  if (parsed === 'version') {
    return { exitCode: EXIT_OK, stdout: `${packageVersion(import.meta.url)}\n`, stderr: '' };
  }
  return parsed;
}

export function isOptions(parsed: CliResult | DriftCliOptions): parsed is DriftCliOptions {
  return !('exitCode' in parsed);
}
