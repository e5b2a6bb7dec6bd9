/**
 * Runs the sender against a ScenarioStack in virtual time and records a report every N windows
 * (or none).
 */
import type { DriftReport } from '../../../core/src/drift/report-types.js';
import {
  type BatchResult,
  DEFAULT_OPTIONS,
  runSender,
  type SenderOptions,
  type Summary,
} from '../../../sender/src/index.js';
import type { ScenarioStack } from './scenario-stack.js';
import { captureOutput, virtualClock } from './virtual-clock.js';

export interface Checkpoint {
  /** Windows acknowledged when the report was computed. */
  acknowledged: number;
  report: DriftReport | null;
}

export interface StackRun {
  summary: Summary;
  checkpoints: Checkpoint[];
  output: string;
}

export async function runInStack(
  stack: ScenarioStack,
  options: Partial<SenderOptions>,
  /** Windows between reports; undefined for none (a test that reads the windows only). */
  reportEvery: number | undefined,
  onBatch?: (batch: BatchResult) => void | Promise<void>,
): Promise<StackRun> {
  const checkpoints: Checkpoint[] = [];
  const output = captureOutput();
  let acknowledged = 0;
  const summary = await runSender(
    {
      ...DEFAULT_OPTIONS,
      predictionUrl: stack.predictionUrl,
      monitoringUrl: stack.monitoringUrl,
      speed: 100,
      pollIntervalS: 0,
      // One request at a time: reports then cover exactly the windows acknowledged so far.
      maxInFlight: 1,
      ...options,
    },
    {
      clock: virtualClock(),
      output,
      onBatch: async (batch) => {
        acknowledged += batch.acknowledged.size;
        await onBatch?.(batch);
        if (reportEvery !== undefined && acknowledged % reportEvery === 0) {
          checkpoints.push({ acknowledged, report: await stack.report() });
        }
      },
    },
  );
  return { summary, checkpoints, output: output.text() };
}
