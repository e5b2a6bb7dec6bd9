import type * as ort from 'onnxruntime-node';
import type { ServedModelCard } from './model-card-schema.js';
import { ModelLoadError } from './model-load-error.js';
import type { Classifier } from './onnx-classifier.js';

/** Refuses a session whose input or outputs do not have the names and widths the card gives. */
export function checkSessionMetadata(
  session: ort.InferenceSession,
  card: ServedModelCard,
  modelPath: string,
): void {
  const input = session.inputMetadata.find((m) => m.name === card.inputName);
  if (!input?.isTensor) {
    throw new ModelLoadError(
      `model ${modelPath} has no tensor input "${card.inputName}" (inputs: ${session.inputNames.join(', ')})`,
    );
  }
  const width = input.shape[1];
  if (input.type !== 'float32' || input.shape.length !== 2 || width !== card.featureNames.length) {
    throw new ModelLoadError(
      `model ${modelPath} input "${card.inputName}" is ${input.type} [${input.shape.join(', ')}]; the card needs float32 [N, ${card.featureNames.length}]`,
    );
  }
  for (const name of [card.outputs.label, card.outputs.probabilities]) {
    if (!session.outputNames.includes(name)) {
      throw new ModelLoadError(
        `model ${modelPath} has no output "${name}" (outputs: ${session.outputNames.join(', ')})`,
      );
    }
  }
  const probs = session.outputMetadata.find((m) => m.name === card.outputs.probabilities);
  const classes = probs?.isTensor ? probs.shape[1] : undefined;
  if (typeof classes === 'number' && classes !== card.classLabels.length) {
    throw new ModelLoadError(
      `model ${modelPath} outputs ${classes} class probabilities; the card lists ${card.classLabels.length} classes`,
    );
  }
}

/** One inference on a zero row proves the outputs' real shapes and label vocabulary. */
export async function probe(classifier: Classifier, modelPath: string): Promise<void> {
  const { card } = classifier;
  let label: string | undefined;
  try {
    const result = await classifier.predict(new Float32Array(card.featureNames.length), 1);
    label = result.labels[0];
  } catch (error) {
    throw new ModelLoadError(
      `probe inference of ${modelPath} failed against its card: ${(error as Error).message}`,
    );
  }
  if (label === undefined || !card.classLabels.includes(label)) {
    throw new ModelLoadError(
      `probe inference of ${modelPath} predicted "${label}", which is not among the card's class labels`,
    );
  }
}
