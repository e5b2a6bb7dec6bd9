/**
 * Runs the real prediction service (main.ts) as a child process on port 0 and finds its port in
 * the "listening" log line. For fault tests and the benchmark.
 */
import type { ChildProcess } from 'node:child_process';
import { PREDICTION_NODE_FLAGS } from '../../../prediction-service/src/node-flags.js';
import { type ServiceChild, startServiceChild } from '../../helpers/service-child.js';

export type PredictionProcess = ServiceChild;

export function startPrediction(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<PredictionProcess> {
  return startServiceChild(
    {
      name: 'prediction service',
      main: 'prediction-service/src/main.ts',
      listeningMessage: 'prediction-service listening',
      nodeFlags: PREDICTION_NODE_FLAGS,
    },
    env,
    timeoutMs,
  );
}

/** Kills a still-running child and waits for it to be gone. */
export async function stopProcess(
  p: { child: ChildProcess; exited: Promise<unknown> },
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<void> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
  await p.exited;
}
