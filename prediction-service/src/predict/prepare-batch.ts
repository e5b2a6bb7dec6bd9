import {
  createFeaturizer,
  FEATURE_NAMES,
  type Featurizer,
  SUMMARY_COUNT,
  summarizeSignalsInto,
  WindowInputError,
} from '@driftwatch/core/features/index';
import { aboutWindow, apiError } from '../errors/api-error.js';
import { parseJsonBytes } from './json/parse-json-bytes.js';
import { createPredictBodyParser, type PredictBodyLimits } from './parse-predict-body.js';
import type { CheckedWindow } from './window-schema.js';

/** A window's own fields once its signals have become features. */
export type WindowMeta = Omit<CheckedWindow, 'signals'>;

/** A /predict body turned into what the model needs. */
export interface PreparedBatch {
  /** One window (own format or sample array): the answer also carries a top-level prediction. */
  single: boolean;
  windows: WindowMeta[];
  /** Row-major float64 features, FEATURE_NAMES order, one row per window. */
  features: Float64Array;
  /**
   * Row-major float64 raw-signal summaries (SUMMARY_NAMES order), one row per window: monitored
   * for drift beside the features, never fed to the model.
   */
  summaries: Float64Array;
  featurizeSeconds: number;
}

/**
 * Returns the CPU-heavy part of /predict as one synchronous step: parse the JSON bytes, check
 * the windows, featurize them. Throws HttpError for anything the client sent wrong. Runs on the
 * event loop or in a worker thread (prepare-pool.ts), with the same results.
 */
export function createBatchPreparer(
  limits: PredictBodyLimits,
): (body: Uint8Array) => PreparedBatch {
  const parseBody = createPredictBodyParser(limits);
  const featurizer = createFeaturizer();
  return (body) => {
    let parsed: unknown;
    try {
      parsed = parseJsonBytes(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    } catch (error) {
      throw apiError('invalid_json', `request body is not valid JSON: ${(error as Error).message}`);
    }
    const request = parseBody(parsed);
    const started = performance.now();
    const features = featurize(featurizer, request.windows);
    const summaries = summarize(request.windows);
    const featurizeSeconds = (performance.now() - started) / 1000;
    const windows = request.windows.map(({ signals: _signals, ...meta }) => meta);
    return { single: request.single, windows, features, summaries, featurizeSeconds };
  };
}

function featurize(featurizer: Featurizer, windows: readonly CheckedWindow[]): Float64Array {
  const width = FEATURE_NAMES.length;
  const features = new Float64Array(windows.length * width);
  windows.forEach((window, index) => {
    try {
      featurizer.featurizeSignalsInto(window.signals, features, index * width);
    } catch (error) {
      if (!(error instanceof WindowInputError)) throw error;
      throw apiError(
        'invalid_window',
        `window ${index}: ${error.message}`,
        aboutWindow(index, window.windowId, error.field),
      );
    }
  });
  return features;
}

/** The windows' raw-signal summaries; run after featurize, which has checked the signals. */
function summarize(windows: readonly CheckedWindow[]): Float64Array {
  const summaries = new Float64Array(windows.length * SUMMARY_COUNT);
  windows.forEach((window, index) => {
    summarizeSignalsInto(window.signals, summaries, index * SUMMARY_COUNT);
  });
  return summaries;
}
