import { createHash } from 'node:crypto';
import { FEATURE_COUNT, FEATURE_NAMES } from '@driftwatch/core/features/index';
import { classificationMetrics } from '@driftwatch/core/stats/classification-metrics';
import type { ModelCard } from '@driftwatch/core/contract/model-card';
import type { ForestOptions, RandomForest } from './model/forest-types.js';
import { exportOnnx, ONNX_INPUT_NAME, ONNX_OUTPUTS } from './model/onnx-export.js';
import { argmaxFirst, predictProbaBatch } from './model/predict-proba.js';
import { trainForest } from './model/train-forest.js';
import type { PopulationOptions } from '@driftwatch/core/simulator/index';
import { type KeepOptions, type PopulationTable, populationTable } from './population-table.js';
import { referenceCsv, referenceSchema } from './reference-files.js';

/**
 * Who is in a population, how their recordings are cut into windows, and which share of the
 * windows is kept (every `keepEvery`-th, default all).
 */
export type PopulationSpec = Omit<PopulationOptions, 'seed' | 'drift' | 'classMix'> & KeepOptions;

export interface BuildOptions {
  seed: number;
  training: PopulationSpec;
  validation: PopulationSpec;
  reference: PopulationSpec;
  forest: Partial<ForestOptions>;
  /** Called with a line of progress; the pure build itself prints nothing. */
  progress?: (line: string) => void;
}

/**
 * Training sees many overlapping windows per person. Validation and reference are sampled as the
 * sender streams production traffic: 150-second sessions cut into back-to-back windows. The
 * reference keeps a run of seven consecutive windows (21 s) of each of 840 people rather than all
 * 49 windows of 120: the same size, but seven times as many people, so it is a closer picture of
 * the population than of the particular people drawn; the runs start at every seventh window in
 * turn, so every stage of a session is kept equally often; and runs of back-to-back windows of
 * one person are what a production window holds, so the monitoring service can learn from the
 * reference how much windows shaped like production's vary without any drift.
 */
export const DEFAULT_BUILD_OPTIONS: Readonly<BuildOptions> = Object.freeze({
  seed: 20_221_003,
  training: { people: 80, windowsPerPerson: 150 },
  validation: { people: 60, sessionSeconds: 150, hop: 151 },
  reference: { people: 840, sessionSeconds: 150, hop: 151, runPerPerson: 7 },
  // As accurate on held-out people as 100 unlimited trees, at under half the ONNX size and
  // inference time: the prediction service runs this forest once per request.
  forest: { trees: 60, maxDepth: 16, minSamplesLeaf: 5 },
});

export interface HeldOutMetrics {
  rows: number;
  accuracy: number;
  balancedAccuracy: number;
  macroF1: number;
}

export interface ReferenceArtifacts {
  onnx: Uint8Array;
  card: ModelCard;
  csv: string;
  schema: Record<string, unknown>;
  model: RandomForest;
  validation: HeldOutMetrics;
  reference: HeldOutMetrics & { classCounts: Record<string, number> };
}

export const MODEL_FILE = 'exercise-model.onnx';

/**
 * Simulates three disjoint populations (training, validation, reference: different people, drawn
 * from different seeds), trains the forest, and renders the model, its card and the reference
 * table. Deterministic in the options: the same options give byte-identical artifacts.
 */
export function buildReferenceArtifacts(options: BuildOptions): ReferenceArtifacts {
  const say = options.progress ?? (() => {});
  const population = (role: string, offset: number, spec: PopulationSpec) => {
    say(`simulating ${spec.people} ${role} people`);
    const { keepEvery, runPerPerson, ...population } = spec;
    return populationTable(
      { ...population, seed: options.seed + offset },
      { keepEvery, runPerPerson },
    );
  };
  const training = population('training', 0, options.training);
  const validation = population('validation', 1, options.validation);
  const reference = population('reference', 2, options.reference);

  say(`training a random forest on ${training.rows} windows`);
  const model = trainForest(Float32Array.from(training.features), training.labels, {
    seed: options.seed,
    ...options.forest,
  });
  const trainingDataSha256 = tableHash(training);
  const modelVersion = modelVersionOf(model);
  const onnx = exportOnnx(model, {
    featureNames: FEATURE_NAMES,
    classLabels: model.classLabels,
    modelVersion,
  });
  const validationPredictions = predict(model, validation);
  const referencePredictions = predict(model, reference);
  const validationMetrics = heldOut(validation.labels, validationPredictions.labels);
  const card = modelCard(model, onnx, {
    modelVersion,
    trainingDataSha256,
    trainingRows: training.rows,
    heldOutMetrics: validationMetrics,
  });
  return {
    onnx,
    card,
    csv: referenceCsv(reference, referencePredictions, model.classLabels),
    schema: referenceSchema(model.classLabels, modelVersion),
    model,
    validation: validationMetrics,
    reference: {
      ...heldOut(reference.labels, referencePredictions.labels),
      classCounts: countLabels(reference.labels),
    },
  };
}

/**
 * The model's version: `exercise-rf-` and 12 hex digits of a SHA-256 over the trained forest (its
 * options, classes and every tree's arrays). Whatever changes the model (data, options or
 * training code) changes the version; rebuilding the same model keeps it. O(model size).
 */
export function modelVersionOf(model: RandomForest): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([model.algorithm, model.featureCount, model.classLabels, model.options]),
  );
  for (const tree of model.trees) {
    const { feature, threshold, left, right, leafRow, leafUnits } = tree;
    for (const column of [feature, threshold, left, right, leafRow, leafUnits]) {
      hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
    }
  }
  return `exercise-rf-${hash.digest('hex').slice(0, 12)}`;
}

/** The card of an exported forest; `facts` are what only the build knows. */
export function modelCard(
  model: RandomForest,
  onnx: Uint8Array,
  facts: Pick<ModelCard, 'modelVersion' | 'trainingDataSha256' | 'trainingRows' | 'heldOutMetrics'>,
  modelFile = MODEL_FILE,
): ModelCard {
  return {
    schemaVersion: 1,
    modelVersion: facts.modelVersion,
    modelFile,
    modelSha256: createHash('sha256').update(onnx).digest('hex'),
    featureNames: [...FEATURE_NAMES],
    classLabels: [...model.classLabels],
    inputName: ONNX_INPUT_NAME,
    outputs: { ...ONNX_OUTPUTS },
    algorithm: model.algorithm,
    hyperparameters: { ...model.options },
    trainingDataSha256: facts.trainingDataSha256,
    trainingRows: facts.trainingRows,
    heldOutMetrics: facts.heldOutMetrics,
    window: { lengthSamples: 151, sampleRateHz: 50 },
  };
}

export interface Predictions {
  labels: string[];
  /** [rows × classes] float32 probabilities, model.classLabels order. */
  probabilities: Float32Array;
}

function predict(model: RandomForest, table: PopulationTable): Predictions {
  const probabilities = predictProbaBatch(model, Float32Array.from(table.features));
  const C = model.classLabels.length;
  const labels: string[] = [];
  for (let i = 0; i < table.rows; i++) {
    labels.push(model.classLabels[argmaxFirst(probabilities.subarray(i * C, (i + 1) * C))]!);
  }
  return { labels, probabilities };
}

function heldOut(truth: string[], predicted: string[]): HeldOutMetrics {
  const quality = classificationMetrics(truth, predicted);
  return {
    rows: truth.length,
    accuracy: quality.accuracy,
    balancedAccuracy: quality.balancedAccuracy,
    macroF1: quality.macro.f1,
  };
}

function countLabels(labels: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const label of [...labels].sort()) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

/** SHA-256 over the training features (float64 bytes) and labels. */
function tableHash(table: PopulationTable): string {
  const hash = createHash('sha256');
  hash.update(`${FEATURE_COUNT}:${table.rows}\n`);
  hash.update(
    new Uint8Array(table.features.buffer, table.features.byteOffset, table.features.byteLength),
  );
  hash.update(table.labels.join('\n'));
  return hash.digest('hex');
}
