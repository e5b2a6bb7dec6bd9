/**
 * Export of a trained forest as an ONNX model with one ai.onnx.ml TreeEnsembleClassifier node:
 * float input `features` [N, F] → `label` (string tensor [N]) and `probabilities` (float tensor
 * [N, C], plain, no ZipMap). Leaf weights are the forest's integer units scaled by 2^-24, so
 * onnxruntime's float sums equal predictProba exactly, whatever order its threads add them in.
 */
import type { RandomForest } from './forest-types.js';
import { encodeOnnxModel, ONNX_FLOAT, ONNX_STRING } from './onnx-proto.js';
import { treeEnsembleAttributes } from './tree-ensemble-attributes.js';

/** Graph input and output names, as the model card records them. */
export const ONNX_INPUT_NAME = 'features';
export const ONNX_OUTPUTS = Object.freeze({ label: 'label', probabilities: 'probabilities' });

/** Opsets: ai.onnx.ml 3 is TreeEnsembleClassifier's latest version; the default domain is unused. */
const OPSETS = [
  { domain: '', version: 17 },
  { domain: 'ai.onnx.ml', version: 3 },
];
const IR_VERSION = 8;

export interface OnnxExportOptions {
  /** Feature names in input-column order; recorded in the metadata. */
  featureNames: readonly string[];
  /** Must equal model.classLabels: the probability columns and label values. */
  classLabels: readonly string[];
  modelVersion: string;
}

function checkExportOptions(model: RandomForest, options: OnnxExportOptions): void {
  const { featureNames, classLabels, modelVersion } = options;
  if (
    featureNames.length !== model.featureCount ||
    new Set(featureNames).size !== featureNames.length
  ) {
    throw new Error(`exportOnnx requires ${model.featureCount} distinct feature names`);
  }
  if (
    classLabels.length !== model.classLabels.length ||
    classLabels.some((l, i) => l !== model.classLabels[i])
  ) {
    throw new Error('exportOnnx requires classLabels equal to model.classLabels, in order');
  }
  // With two classes onnxruntime switches to binary rules (the label from the second column's
  // sign), which would not match argmax of the probabilities.
  if (classLabels.length < 3) throw new Error('exportOnnx requires at least 3 classes');
  if (modelVersion.length === 0) throw new Error('exportOnnx requires a non-empty modelVersion');
}

/**
 * Serialises `model` as ONNX ModelProto bytes (IR 8; opsets "" 17 and ai.onnx.ml 3; producer
 * "driftwatch"). Metadata: model_version, algorithm, feature_names and class_labels (JSON arrays)
 * and hyperparameters (JSON). Same model and options give byte-identical output.
 * Cost: O(total nodes + leaf weights). Throws when feature names or class labels do not match
 * the model, the model has fewer than 3 classes, or modelVersion is empty.
 */
export function exportOnnx(model: RandomForest, options: OnnxExportOptions): Uint8Array {
  checkExportOptions(model, options);
  const C = model.classLabels.length;
  return encodeOnnxModel({
    irVersion: IR_VERSION,
    opsetImports: OPSETS,
    producerName: 'driftwatch',
    producerVersion: '1',
    docString: `Random forest of ${model.trees.length} trees over ${model.featureCount} features, ${C} classes.`,
    graph: {
      name: 'driftwatch_random_forest',
      nodes: [
        {
          name: 'forest',
          opType: 'TreeEnsembleClassifier',
          domain: 'ai.onnx.ml',
          inputs: [ONNX_INPUT_NAME],
          outputs: [ONNX_OUTPUTS.label, ONNX_OUTPUTS.probabilities],
          attributes: treeEnsembleAttributes(model),
        },
      ],
      inputs: [{ name: ONNX_INPUT_NAME, elemType: ONNX_FLOAT, dims: ['N', model.featureCount] }],
      outputs: [
        { name: ONNX_OUTPUTS.label, elemType: ONNX_STRING, dims: ['N'] },
        { name: ONNX_OUTPUTS.probabilities, elemType: ONNX_FLOAT, dims: ['N', C] },
      ],
    },
    metadata: [
      ['model_version', options.modelVersion],
      ['algorithm', model.algorithm],
      ['feature_names', JSON.stringify(options.featureNames)],
      ['class_labels', JSON.stringify(model.classLabels)],
      ['hyperparameters', JSON.stringify(model.options)],
    ],
  });
}
