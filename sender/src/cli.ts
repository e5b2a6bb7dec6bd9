/**
 * `npm run sender -- [options]`: exit 0 when the run went fine, 1 when the prediction service is
 * unreachable or too many windows failed, 2 for bad options. Ctrl-C stops sending and still
 * prints the summary; a second Ctrl-C exits at once.
 */
import { writeFile } from 'node:fs/promises';
import { listScenarios, OptionError, parseCommand, runSender, UnreachableError } from './index.js';
import { HELP_TEXT } from './options/help-text.js';

async function main(): Promise<number> {
  const command = parseCommand(process.argv.slice(2), process.env);
  if (command.kind === 'help') {
    process.stdout.write(HELP_TEXT);
    return 0;
  }
  if (command.kind === 'list-scenarios') {
    process.stdout.write(listScenarios());
    return 0;
  }
  const { options } = command;
  const controller = new AbortController();
  process.once('SIGINT', () => {
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  process.once('SIGTERM', () => controller.abort());
  const summary = await runSender(options, { signal: controller.signal });
  if (options.summaryJson) {
    await writeFile(options.summaryJson, `${JSON.stringify(summary, null, 2)}\n`);
  }
  if (!summary.ok) {
    process.stderr.write(
      `sender: ${summary.failed} of ${summary.sent} windows failed (share ${summary.failureShare} > --max-failure-share ${options.maxFailureShare}); last error: ${summary.lastError}\n`,
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`sender: ${message}\n`);
    if (error instanceof OptionError) process.stderr.write('Try --help.\n');
    process.exitCode = error instanceof OptionError ? 2 : 1;
    if (!(error instanceof OptionError || error instanceof UnreachableError)) {
      process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    }
  },
);
