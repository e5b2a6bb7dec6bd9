/** `npm run evaluate` options: parsed once, with errors that name the option. */
import { availableParallelism } from 'node:os';
import { SCENARIOS } from '../../sender/src/scenarios/catalogue.js';

export interface EvaluateOptions {
  quick: boolean;
  json: boolean;
  markdown: boolean;
  seed: number;
  devices?: number[];
  scenarios?: string[];
  hours?: number;
  labelDelayS: number;
  workers: number;
  help: boolean;
}

export const HELP = `npm run evaluate -- [options]

Seeded detection benchmark: simulated production traffic through the prediction service's
featurizer and model into the monitoring service's windows and drift runs, every drift and
quality alert decided as the shipped Prometheus rules decide it, all in simulated time.
Writes .data/evaluate/evaluation.json and evaluation.md; progress goes to stderr.

  --quick            one short run per fleet size and scenario (about two minutes)
  --json             print the JSON document on stdout
  --markdown         print the markdown tables on stdout (the default without --json)
  --seed N           seed of the whole plan (default 1); the same seed gives the same JSON
  --devices A,B      only these fleet sizes (default 20 and 200; 1000 too for none)
  --scenario A,B     only these scenarios (default all: ${SCENARIOS.map((s) => s.name).join(', ')})
  --hours H          simulated hours of each none run (default 1; quick: 10, 5, 3 minutes)
  --label-delay S    seconds from a window to its label (default 30)
  --workers N        worker threads (default one per core)
  --help             this text
`;

export class EvaluateOptionError extends Error {
  override name = 'EvaluateOptionError';
}

function positive(option: string, text: string | undefined, integer: boolean): number {
  const value = Number(text);
  if (text === undefined || !(value > 0) || (integer && !Number.isInteger(value))) {
    throw new EvaluateOptionError(
      `${option} expects a positive ${integer ? 'whole ' : ''}number, got "${text ?? ''}"`,
    );
  }
  return value;
}

export function parseEvaluateArgs(argv: readonly string[]): EvaluateOptions {
  const o: EvaluateOptions = {
    quick: false,
    json: false,
    markdown: false,
    seed: 1,
    labelDelayS: 30,
    workers: availableParallelism(),
    help: false,
  };
  const known = new Set(SCENARIOS.map((s) => s.name));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i];
    if (arg === '--quick') o.quick = true;
    else if (arg === '--json') o.json = true;
    else if (arg === '--markdown') o.markdown = true;
    else if (arg === '--help' || arg === '-h') o.help = true;
    else if (arg === '--seed') o.seed = positive(arg, value(), true);
    else if (arg === '--hours') o.hours = positive(arg, value(), false);
    else if (arg === '--label-delay') o.labelDelayS = positive(arg, value(), false);
    else if (arg === '--workers') o.workers = positive(arg, value(), true);
    else if (arg === '--devices') {
      o.devices = (value() ?? '').split(',').map((d) => positive(arg, d, true));
    } else if (arg === '--scenario') {
      o.scenarios = (value() ?? '').split(',');
      const unknown = o.scenarios.find((s) => !known.has(s));
      if (unknown !== undefined) {
        throw new EvaluateOptionError(
          `--scenario expects names of ${[...known].join(', ')}; got "${unknown}"`,
        );
      }
    } else throw new EvaluateOptionError(`unknown option ${arg} (see --help)`);
  }
  if (!o.json) o.markdown = true;
  return o;
}
