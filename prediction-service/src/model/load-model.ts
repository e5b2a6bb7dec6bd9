import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import * as ort from 'onnxruntime-node';
import { ModelLoadError } from './model-load-error.js';
import { type ServedModelCard, modelCardSchema } from './model-card-schema.js';
import { checkSessionMetadata, probe } from './check-session.js';
import { type Classifier, createOnnxClassifier } from './onnx-classifier.js';

export { ModelLoadError };

/** What the service's featurizer produces; the card must describe a model for exactly this. */
export interface ModelExpectations {
  featureNames: readonly string[];
  windowLengthSamples: number;
  sampleRateHz: number;
}

/**
 * Threads onnxruntime may use inside one inference. Tree ensembles on small batches run fastest
 * on one thread: a thread pool's hand-offs cost more than they save, and concurrent requests
 * already keep the cores busy.
 */
export interface InferenceOptions {
  intraOpThreads: number;
}

export interface LoadedModel {
  classifier: Classifier;
  /** featureColumns[f] is the model-input column of expectations.featureNames[f]. */
  featureColumns: Int32Array;
}

/**
 * Loads the card at `cardPath` and the ONNX file it names, then refuses (ModelLoadError) unless
 * file hash, feature set, window, session input/output metadata and a probe inference all agree
 * with the card.
 */
export async function loadModel(
  cardPath: string,
  expect: ModelExpectations,
  inference: InferenceOptions = { intraOpThreads: 1 },
): Promise<LoadedModel> {
  const card = await readCard(cardPath);
  const featureColumns = mapFeatureColumns(card, expect);
  if (
    card.window.lengthSamples !== expect.windowLengthSamples ||
    card.window.sampleRateHz !== expect.sampleRateHz
  ) {
    throw new ModelLoadError(
      `model card ${cardPath} describes ${card.window.lengthSamples}-sample windows at ${card.window.sampleRateHz} Hz; the service is configured for ${expect.windowLengthSamples} at ${expect.sampleRateHz} Hz`,
    );
  }
  const modelPath = resolve(dirname(cardPath), card.modelFile);
  const bytes = await readOrExplain(modelPath, 'model file');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== card.modelSha256) {
    throw new ModelLoadError(
      `model file ${modelPath} has SHA-256 ${sha256}, but its card says ${card.modelSha256}`,
    );
  }
  const session = await createSession(modelPath, bytes, inference);
  try {
    checkSessionMetadata(session, card, modelPath);
    const classifier = createOnnxClassifier(session, card);
    await probe(classifier, modelPath);
    return { classifier, featureColumns };
  } catch (error) {
    await session.release();
    throw error;
  }
}

async function readOrExplain(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelLoadError(
      code === 'ENOENT' ? `${what} not found: ${path}` : `cannot read ${what} ${path}: ${code}`,
    );
  }
}

async function readCard(cardPath: string): Promise<ServedModelCard> {
  const text = (await readOrExplain(cardPath, 'model card (MODEL_PATH)')).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ModelLoadError(`model card ${cardPath} is not valid JSON`);
  }
  const parsed = modelCardSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new ModelLoadError(`model card ${cardPath} is invalid: ${problems.join('; ')}`);
  }
  return parsed.data;
}

function mapFeatureColumns(card: ServedModelCard, expect: ModelExpectations): Int32Array {
  const column = new Map(card.featureNames.map((name, i) => [name, i]));
  const missing = expect.featureNames.filter((name) => !column.has(name));
  if (missing.length > 0 || column.size !== expect.featureNames.length) {
    throw new ModelLoadError(
      `model card lists ${card.featureNames.length} features (${column.size} distinct) but the featurizer makes ${expect.featureNames.length}${missing.length > 0 ? `; missing: ${missing.slice(0, 5).join(', ')}` : ''}`,
    );
  }
  return Int32Array.from(expect.featureNames, (name) => column.get(name)!);
}

async function createSession(
  modelPath: string,
  bytes: Buffer,
  inference: InferenceOptions,
): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: inference.intraOpThreads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
    });
  } catch (error) {
    throw new ModelLoadError(`onnxruntime cannot load ${modelPath}: ${(error as Error).message}`);
  }
}
