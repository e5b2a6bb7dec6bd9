export {
  DEFAULT_SAMPLE_RATE_HZ,
  DEFAULT_WINDOW_LENGTH,
  FEATURE_COUNT,
  FEATURE_FREQUENCIES_HZ,
  FEATURE_NAMES,
  MIN_WINDOW_LENGTH,
  SIGNAL_NAMES,
  type SignalName,
} from './feature-spec.js';
export { createFeaturizer, type Featurizer, validateSignals } from './featurize-window.js';
export { SUMMARY_COUNT, SUMMARY_NAMES, summarizeSignalsInto } from './signal-summaries.js';
export {
  type SampleRecord,
  type SignalSet,
  signalsFromSamples,
  signalsOf,
  type WindowInput,
  WindowInputError,
} from './window-input.js';
