/**
 * A small exercise model and reference table trained on simulator output, so scenario tests see
 * a model that actually recognises the simulated classes without depending on the big committed
 * model. Trained once per test run by vitest's global setup (a few seconds; the same seeds give
 * the same bytes), else once per process, and written into a temp dir of its own for each test
 * file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEATURE_NAMES } from '../../../core/src/features/index.js';
import {
  argmaxFirst,
  exportOnnx,
  predictProbaBatch,
  trainForest,
} from '../../../reference-data/src/model/index.js';
import { populationTable } from '../../../reference-data/src/population-table.js';
import { modelCard } from '../../../reference-data/src/reference-artifacts.js';
import { referenceCsv, referenceSchema } from '../../../reference-data/src/reference-files.js';

export interface ScenarioModel {
  dir: string;
  cardPath: string;
  referenceCsvPath: string;
  referenceSchemaPath: string;
  classLabels: readonly string[];
}

/** What a model directory holds, trained once per worker process. */
interface ScenarioArtifacts {
  onnx: Uint8Array;
  card: string;
  referenceCsv: string;
  referenceSchema: string;
  classLabels: readonly string[];
}

let trained: ScenarioArtifacts | undefined;

/** Names the directory the global setup wrote the trained artifacts to (saveScenarioArtifacts). */
export const SCENARIO_ARTIFACTS_DIR = 'DRIFTWATCH_TEST_SCENARIO_ARTIFACTS';

const FILES = {
  onnx: 'model.onnx',
  card: 'model-card.json',
  referenceCsv: 'reference.csv',
  referenceSchema: 'reference.schema.json',
  classLabels: 'class-labels.json',
};

/** Trains the artifacts and writes them to `dir`, for every worker of the test run to read. */
export function saveScenarioArtifacts(dir: string): void {
  const artifacts = trainScenarioArtifacts();
  writeFileSync(join(dir, FILES.onnx), artifacts.onnx);
  writeFileSync(join(dir, FILES.card), artifacts.card);
  writeFileSync(join(dir, FILES.referenceCsv), artifacts.referenceCsv);
  writeFileSync(join(dir, FILES.referenceSchema), artifacts.referenceSchema);
  writeFileSync(join(dir, FILES.classLabels), JSON.stringify(artifacts.classLabels));
}

function savedScenarioArtifacts(): ScenarioArtifacts | undefined {
  const dir = process.env[SCENARIO_ARTIFACTS_DIR];
  if (!dir) return undefined;
  const text = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    onnx: new Uint8Array(readFileSync(join(dir, FILES.onnx))),
    card: text(FILES.card),
    referenceCsv: text(FILES.referenceCsv),
    referenceSchema: text(FILES.referenceSchema),
    classLabels: JSON.parse(text(FILES.classLabels)) as string[],
  };
}

function trainScenarioArtifacts(): ScenarioArtifacts {
  const training = populationTable({ seed: 71, people: 10, sessionSeconds: 240 });
  const model = trainForest(Float32Array.from(training.features), training.labels, {
    trees: 12,
    maxDepth: 12,
    seed: 5,
  });
  const onnx = exportOnnx(model, {
    featureNames: FEATURE_NAMES,
    classLabels: model.classLabels,
    modelVersion: 'scenario-1',
  });
  // Non-overlapping windows, as the sender cuts them.
  const reference = populationTable({ seed: 72, people: 40, sessionSeconds: 150, hop: 151 });
  const probabilities = predictProbaBatch(model, Float32Array.from(reference.features));
  const C = model.classLabels.length;
  const labels = Array.from(
    { length: reference.rows },
    (_, i) => model.classLabels[argmaxFirst(probabilities.subarray(i * C, (i + 1) * C))]!,
  );
  const card = modelCard(
    model,
    onnx,
    {
      modelVersion: 'scenario-1',
      trainingDataSha256: '0'.repeat(64),
      trainingRows: training.rows,
      heldOutMetrics: { rows: 0, accuracy: 0, balancedAccuracy: 0, macroF1: 0 },
    },
    'model.onnx',
  );
  return {
    onnx,
    card: JSON.stringify(card),
    referenceCsv: referenceCsv(reference, { labels, probabilities }, model.classLabels),
    referenceSchema: JSON.stringify(referenceSchema(model.classLabels, 'scenario-1')),
    classLabels: model.classLabels,
  };
}

export function buildScenarioModel(): ScenarioModel {
  trained ??= savedScenarioArtifacts() ?? trainScenarioArtifacts();
  const dir = mkdtempSync(join(tmpdir(), 'sender-scenario-model-'));
  writeFileSync(join(dir, FILES.onnx), trained.onnx);
  const cardPath = join(dir, FILES.card);
  writeFileSync(cardPath, trained.card);
  const referenceCsvPath = join(dir, FILES.referenceCsv);
  const referenceSchemaPath = join(dir, FILES.referenceSchema);
  writeFileSync(referenceCsvPath, trained.referenceCsv);
  writeFileSync(referenceSchemaPath, trained.referenceSchema);
  return {
    dir,
    cardPath,
    referenceCsvPath,
    referenceSchemaPath,
    classLabels: trained.classLabels,
  };
}
