import { randomUUID } from 'node:crypto';
import { FEATURE_NAMES, SUMMARY_NAMES } from '@driftwatch/core/features/index';
import { createEventEncoder } from '../forward/monitoring-event.js';
import type { LoadedModel } from '../model/load-model.js';
import { checkWindowLabels } from './check-window-labels.js';
import type { PreparedBatch } from './prepare-batch.js';

export interface WindowPrediction {
  windowId: string;
  label: string;
  probabilities: Record<string, number>;
}

export interface PredictedBatch {
  predictions: WindowPrediction[];
  /** One encoded monitoring event per window, in request order. */
  events: string[];
}

export interface PredictorDeps {
  model: LoadedModel;
  now?: () => Date;
  newId?: () => string;
  observeStage?: (stage: 'featurize' | 'infer', seconds: number) => void;
}

export type Predictor = (batch: PreparedBatch) => Promise<PredictedBatch>;

/**
 * Runs a prepared batch through the model in one inference call (float32, in the card's column
 * order) and encodes each window's monitoring event with its float64 features and raw-signal
 * summaries (monitored-only columns).
 */
export function createPredictor(deps: PredictorDeps): Predictor {
  const { model } = deps;
  const { classifier, featureColumns } = model;
  const classLabels = classifier.card.classLabels;
  const width = FEATURE_NAMES.length;
  const encode = createEventEncoder(FEATURE_NAMES, classLabels, SUMMARY_NAMES);
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;

  return async ({ windows, features, summaries, featurizeSeconds }) => {
    checkWindowLabels(windows, classLabels);
    const rows = windows.length;
    deps.observeStage?.('featurize', featurizeSeconds);
    const input = new Float32Array(rows * width);
    for (let r = 0, at = 0; r < rows; r++, at += width) {
      for (let f = 0; f < width; f++) input[at + featureColumns[f]!] = features[at + f]!;
    }
    const started = performance.now();
    const { labels, probabilities } = await classifier.predict(input, rows);
    deps.observeStage?.('infer', (performance.now() - started) / 1000);
    const timestamp = now().toISOString();
    const predictions: WindowPrediction[] = [];
    const events: string[] = [];
    windows.forEach((window, row) => {
      const windowId = window.windowId ?? newId();
      const label = labels[row]!;
      const probs: Record<string, number> = {};
      classLabels.forEach((name, c) => {
        probs[name] = probabilities[row * classLabels.length + c]!;
      });
      predictions.push({ windowId, label, probabilities: probs });
      events.push(
        encode({
          eventId: windowId,
          timestamp: window.timestamp ?? timestamp,
          features,
          monitored: summaries,
          prediction: label,
          probabilities,
          row,
          label: window.label,
          deviceId: window.deviceId,
        }),
      );
    });
    return { predictions, events };
  };
}
