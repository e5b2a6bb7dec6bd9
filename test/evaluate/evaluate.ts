/**
 * `npm run evaluate`: the seeded detection benchmark (see evaluate-args.ts for the options and
 * simulate-run.ts for what one run does). Prints the JSON document (`--json`) or the markdown
 * tables, and writes both under .data/evaluate/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALERT_CONDITIONS, missingConditions } from './alert-conditions.js';
import { EvaluateOptionError, HELP, parseEvaluateArgs } from './evaluate-args.js';
import { formatMarkdown } from './format-markdown.js';
import { runPlan } from './run-pool.js';
import { planRuns } from './run-plan.js';
import { readShippedRules } from './shipped-rules.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const options = parseEvaluateArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }
  const rules = readShippedRules(join(repoRoot, 'prometheus/rules'));
  const missing = missingConditions(rules);
  if (missing.length > 0) {
    throw new Error(`the evaluation has no condition for the alerts ${missing.join(', ')}`);
  }
  const plan = planRuns({ ...options });
  const events = plan.reduce((sum, r) => sum + (r.durationS * r.devices) / 3.02, 0);
  process.stderr.write(
    `evaluate: ${plan.length} runs, ~${Math.round(events / 1000)}k windows, ${options.workers} workers\n`,
  );
  const runs = await runPlan(plan, options.workers, repoRoot, (line) =>
    process.stderr.write(`evaluate: ${line}\n`),
  );
  const alerts = Object.keys(ALERT_CONDITIONS);
  const document = {
    evaluation: 'driftwatch-detection',
    version: 1,
    seed: options.seed,
    quick: options.quick,
    labelDelaySeconds: options.labelDelayS,
    rules: { forSeconds: rules.forSeconds, constants: rules.constants },
    alerts,
    runs,
  };
  const json = `${JSON.stringify(document, null, 2)}\n`;
  const markdown = formatMarkdown(runs, alerts);
  const out = join(repoRoot, '.data/evaluate');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'evaluation.json'), json);
  writeFileSync(join(out, 'evaluation.md'), markdown);
  if (options.json) process.stdout.write(json);
  if (options.markdown) process.stdout.write(markdown);
  process.stderr.write(`evaluate: wrote ${join(out, 'evaluation.json')} and evaluation.md\n`);
}

main().catch((error: unknown) => {
  if (error instanceof EvaluateOptionError) {
    process.stderr.write(`evaluate: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`evaluate: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
});
