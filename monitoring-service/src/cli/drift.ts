/**
 * Entry point of `npm run --silent drift -- --reference REF --current CUR [...]`; `--help` lists
 * the options. The work is in run-drift-cli.ts.
 */
import { runDriftCli } from './run-drift-cli.js';

const result = runDriftCli(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
