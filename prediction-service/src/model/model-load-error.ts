/** Thrown when the model cannot be served; the message says which file and which mismatch. */
export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}
