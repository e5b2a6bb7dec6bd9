import * as ort from 'onnxruntime-node';
import type { ServedModelCard } from './model-card-schema.js';

/** Labels and row-major [rows × classes] probabilities of one inference call. */
export interface BatchPrediction {
  labels: string[];
  probabilities: Float32Array;
}

export interface Classifier {
  readonly card: ServedModelCard;
  /** Runs `rows` rows of float32 features (row-major, model column order) in one call. */
  predict(features: Float32Array, rows: number): Promise<BatchPrediction>;
  release(): Promise<void>;
}

/** Thrown when the model's outputs do not have the shape its card promises. */
export class ModelOutputError extends Error {
  override name = 'ModelOutputError';
}

/** Wraps an ONNX session whose input and outputs are named by `card`. */
export function createOnnxClassifier(
  session: ort.InferenceSession,
  card: ServedModelCard,
): Classifier {
  const width = card.featureNames.length;
  const classes = card.classLabels.length;
  const fetches = [card.outputs.label, card.outputs.probabilities];
  return {
    card,
    async predict(features, rows) {
      if (rows < 1 || features.length !== rows * width) {
        throw new RangeError(
          `predict requires ${rows} × ${width} features, got ${features.length}`,
        );
      }
      const input = new ort.Tensor('float32', features, [rows, width]);
      const out = await session.run({ [card.inputName]: input }, fetches);
      const label = out[card.outputs.label];
      const probs = out[card.outputs.probabilities];
      if (label?.type !== 'string' || label.data.length !== rows) {
        throw new ModelOutputError(
          `output ${card.outputs.label} must be ${rows} strings, got ${label?.type} [${label?.dims.join(', ')}]`,
        );
      }
      if (probs?.type !== 'float32' || probs.data.length !== rows * classes) {
        throw new ModelOutputError(
          `output ${card.outputs.probabilities} must be float32 [${rows}, ${classes}], got ${probs?.type} [${probs?.dims.join(', ')}]`,
        );
      }
      return { labels: label.data as string[], probabilities: probs.data as Float32Array };
    },
    release: () => session.release(),
  };
}
