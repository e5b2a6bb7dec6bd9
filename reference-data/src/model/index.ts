/** The reference classifier: random-forest training, TypeScript prediction and ONNX export. */
export { forestHyperparameters } from './forest-options.js';
export { DEFAULT_FOREST_OPTIONS, PROBABILITY_UNITS } from './forest-types.js';
export type { DecisionTree, ForestOptions, RandomForest } from './forest-types.js';
export { exportOnnx, ONNX_INPUT_NAME, ONNX_OUTPUTS } from './onnx-export.js';
export type { OnnxExportOptions } from './onnx-export.js';
export {
  argmaxFirst,
  predictLabel,
  predictLabelBatch,
  predictProba,
  predictProbaBatch,
} from './predict-proba.js';
export { trainForest } from './train-forest.js';
