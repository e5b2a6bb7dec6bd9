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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: resolve(dirname(fileURLToPath(import.meta.url)), '..') },
    },
  });
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
  writeFileSync(join(outDir, 'README.md'), referenceReadme(artifacts, COMMAND));
  const { validation, reference } = artifacts;
  say(
    `validation accuracy ${validation.accuracy.toFixed(4)}, reference accuracy ${reference.accuracy.toFixed(4)}`,
  );
  say(`wrote ${outDir}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `build:reference failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
