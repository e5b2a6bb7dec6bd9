/**
 * `driftwatch <command> [options]`: the project's command-line tools by name. Each command is
 * loaded only when asked for, so that `--help` answers at once.
 */
const COMMANDS: Record<string, { summary: string; entry: string }> = {
  drift: {
    summary: 'drift report of a current table against a reference (CSV or JSON lines)',
    entry: './drift.js',
  },
};

const USAGE = [
  'usage: driftwatch <command> [options]',
  '',
  'commands:',
  ...Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(8)}${summary}`),
  '',
  '`driftwatch <command> --help` describes a command.',
  '',
].join('\n');

const [command] = process.argv.slice(2);
const chosen = command === undefined ? undefined : COMMANDS[command];
if (chosen) {
  // The command reads its own options from process.argv, as when it is run directly.
  process.argv.splice(2, 1);
  await import(chosen.entry);
} else if (command === undefined || command === '--help' || command === '-h') {
  process.stdout.write(USAGE);
} else {
  process.stderr.write(`driftwatch: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
  process.exitCode = 2;
}
