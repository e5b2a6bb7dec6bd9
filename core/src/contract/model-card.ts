/**
 * The model card that travels beside an ONNX classifier. The prediction service loads any ONNX
 * classifier that comes with one; the monitoring service reads its version and feature order.
 */
export interface ModelCard {
  /** Card format version. */
  schemaVersion: 1;
  modelVersion: string;
  /** ONNX file name, relative to the card. */
  modelFile: string;
  /** SHA-256 of the ONNX file. */
  modelSha256: string;
  /** Feature names in model-input column order. */
  featureNames: string[];
  /** Class labels in the order of the probability tensor's columns. */
  classLabels: string[];
  /** ONNX graph input and output names. */
  inputName: string;
  outputs: { label: string; probabilities: string };
  algorithm: string;
  hyperparameters: Record<string, number | string | boolean>;
  /** SHA-256 over the training feature table and labels. */
  trainingDataSha256: string;
  trainingRows: number;
  /** Metrics on the held-out validation population. */
  heldOutMetrics: { rows: number; accuracy: number; balancedAccuracy: number; macroF1: number };
  window: { lengthSamples: number; sampleRateHz: number };
}
