/**
 * The prediction service's part of a simulated run, in process: the service's featurizer and the
 * shipped ONNX model through onnxruntime-node, turning simulated windows into the monitoring
 * events the service would forward (float64 features and raw-signal summaries, float32
 * probabilities, the device id).
 */
import {
  createFeaturizer,
  FEATURE_COUNT,
  FEATURE_NAMES,
  SUMMARY_COUNT,
  SUMMARY_NAMES,
  summarizeSignalsInto,
} from '../../core/src/features/index.js';
import { type LoadedModel, loadModel } from '../../prediction-service/src/model/load-model.js';
import type { EventRecord } from '../../monitoring-service/src/store/store.js';
import type { OutgoingWindow } from '../../sender/src/traffic/outgoing-window.js';

export interface TrafficModel {
  /** The events of `windows`, in order, after one batched inference. */
  predict(windows: readonly OutgoingWindow[]): Promise<EventRecord[]>;
}

export async function loadTrafficModel(cardPath: string): Promise<TrafficModel> {
  const model: LoadedModel = await loadModel(cardPath, {
    featureNames: FEATURE_NAMES,
    windowLengthSamples: 151,
    sampleRateHz: 50,
  });
  const { classifier, featureColumns } = model;
  const classes = classifier.card.classLabels;
  const featurizer = createFeaturizer();
  return {
    async predict(windows) {
      if (windows.length === 0) return [];
      const rows = windows.length;
      const features = new Float64Array(rows * FEATURE_COUNT);
      const input = new Float32Array(rows * FEATURE_COUNT);
      const summaries = new Float64Array(rows * SUMMARY_COUNT);
      windows.forEach((w, r) => {
        const at = r * FEATURE_COUNT;
        featurizer.featurizeSignalsInto(w.signals, features, at);
        summarizeSignalsInto(w.signals, summaries, r * SUMMARY_COUNT);
        for (let f = 0; f < FEATURE_COUNT; f++) input[at + featureColumns[f]!] = features[at + f]!;
      });
      const { labels, probabilities } = await classifier.predict(input, rows);
      return windows.map((w, r) => {
        const byName: Record<string, number> = {};
        FEATURE_NAMES.forEach((name, f) => {
          byName[name] = features[r * FEATURE_COUNT + f]!;
        });
        const monitored: Record<string, number> = {};
        SUMMARY_NAMES.forEach((name, s) => {
          monitored[name] = summaries[r * SUMMARY_COUNT + s]!;
        });
        const probs: Record<string, number> = {};
        classes.forEach((name, c) => {
          probs[name] = probabilities[r * classes.length + c]!;
        });
        return {
          eventId: w.windowId,
          timestamp: w.timestamp,
          features: byName,
          monitored,
          prediction: labels[r]!,
          probabilities: probs,
          metadata: { deviceId: w.deviceId },
        };
      });
    },
  };
}
