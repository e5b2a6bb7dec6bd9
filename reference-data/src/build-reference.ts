/**
 * `npm run build:reference [-- --out DIR]`: simulates the populations, trains and exports the
 * model, verifies it under onnxruntime, and writes reference-data/ (model, card, reference table,
 * schema, README). Progress on stderr.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildReferenceArtifacts,
  DEFAULT_BUILD_OPTIONS,
  MODEL_FILE,
} from './reference-artifacts.js';
import { referenceReadme } from './reference-readme.js';
import { verifyWithOnnxRuntime } from './verify-onnx.js';

const COMMAND = 'npm run build:reference';

const HELP = `Usage: ${COMMAND} [-- --out DIR]

Simulates the training and reference populations, trains the exercise model, exports it to ONNX,
checks the export under onnxruntime against the TypeScript model, and writes the model, its card,
the reference table, its schema and README.md. Seeded: the same code writes the same files.
Takes a few minutes; progress goes to standard error.

Options:
  --out DIR   where to write (default: the reference-data folder of this repository)
  --help      this text
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: resolve(dirname(fileURLToPath(import.meta.url)), '..') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const outDir = resolve(values.out!);
  const started = performance.now();
  const say = (line: string) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`build:reference [${seconds}s] ${line}\n`);
  };
  const artifacts = buildReferenceArtifacts({ ...DEFAULT_BUILD_OPTIONS, progress: say });
  say('checking the ONNX export against the TypeScript model');
  const check = await verifyWithOnnxRuntime(artifacts.onnx, artifacts.csv, artifacts.card);
  say(
    `onnxruntime agrees: ${check.rows} rows, labels identical, max |Δp| = ${check.maxAbsDifference}`,
  );
  mkdirSync(join(outDir, 'model'), { recursive: true });
  writeFileSync(join(outDir, 'model', MODEL_FILE), artifacts.onnx);
  writeFileSync(
    join(outDir, 'model', 'model-card.json'),
    `${JSON.stringify(artifacts.card, null, 2)}\n`,
  );
  writeFileSync(join(outDir, 'reference.csv'), artifacts.csv);
  writeFileSync(
    join(outDir, 'reference.schema.json'),
    `${JSON.stringify(artifacts.schema, null, 2)}\n`,
  );
  writeFileSync(
    join(outDir, 'README.md'),
    referenceReadme(artifacts, DEFAULT_BUILD_OPTIONS, COMMAND),
  );
  const { validation, reference } = artifacts;
  say(
    `validation accuracy ${validation.accuracy.toFixed(4)}, reference accuracy ${reference.accuracy.toFixed(4)}`,
  );
  say(`wrote ${outDir}`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // node:util parseArgs marks its errors with an ERR_PARSE_ARGS_* code: a usage mistake.
  const usage = String((error as { code?: unknown } | null)?.code).startsWith('ERR_PARSE_ARGS');
  process.stderr.write(
    usage
      ? `build:reference: ${message} (${COMMAND} -- --help lists the options)\n`
      : `build:reference failed: ${message}\n`,
  );
  process.exitCode = usage ? 2 : 1;
});
