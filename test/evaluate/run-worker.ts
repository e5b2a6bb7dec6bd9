/**
 * A worker thread of the evaluation: loads the model, the shipped dataset and the rules once,
 * then simulates the runs it is sent, one at a time, posting progress and each result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRunContext } from './run-context.js';
import type { RunSpec } from './run-spec.js';
import { simulateRun } from './simulate-run.js';

const port = parentPort!;
const context = await loadRunContext(workerData as string);
port.postMessage({ type: 'ready' });
port.on('message', async (spec: RunSpec) => {
  try {
    const result = await simulateRun(spec, context, {
      onProgress: (done) => port.postMessage({ type: 'progress', id: spec.id, done }),
    });
    port.postMessage({ type: 'result', result });
  } catch (error) {
    port.postMessage({
      type: 'error',
      id: spec.id,
      message: (error as Error).stack ?? String(error),
    });
  }
});
