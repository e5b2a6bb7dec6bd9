/**
 * Runs the plan on worker threads, longest runs first so the cores finish together; results come
 * back in plan order whatever order the workers finish in. Progress goes to `log`.
 */
import { Worker } from 'node:worker_threads';
import type { RunResult, RunSpec } from './run-spec.js';
import { SOURCE_CONDITION } from '../../core/src/runtime/module-entry.js';

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; id: string; done: number }
  | { type: 'result'; result: RunResult }
  | { type: 'error'; id: string; message: string };

export async function runPlan(
  plan: readonly RunSpec[],
  workers: number,
  repoRoot: string,
  log: (line: string) => void,
): Promise<RunResult[]> {
  const queue = [...plan].sort((a, b) => b.durationS * b.devices - a.durationS * a.devices);
  const results = new Map<string, RunResult>();
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const threads = Array.from(
    { length: Math.min(workers, plan.length) },
    () =>
      new Worker(new URL('./run-worker-entry.mjs', import.meta.url), {
        workerData: repoRoot,
        // The workspace packages resolve to their sources here, as in the evaluation's own thread.
        execArgv: [SOURCE_CONDITION],
      }),
  );
  try {
    await Promise.all(
      threads.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const lastShown = new Map<string, number>();
            const next = () => {
              const spec = queue.shift();
              if (!spec) return resolve();
              log(
                `${elapsed()} start ${spec.id} (${spec.devices} devices, ${spec.durationS / 60} min)`,
              );
              worker.postMessage(spec);
            };
            worker.on('message', (m: WorkerMessage) => {
              if (m.type === 'ready') next();
              else if (m.type === 'progress') {
                const step = Math.floor(m.done * 4);
                if (step > (lastShown.get(m.id) ?? 0) && step < 4) {
                  lastShown.set(m.id, step);
                  log(`${elapsed()} ${m.id} ${step * 25}%`);
                }
              } else if (m.type === 'result') {
                results.set(m.result.spec.id, m.result);
                log(`${elapsed()} done ${m.result.spec.id} (${results.size}/${plan.length})`);
                next();
              } else reject(new Error(`run ${m.id} failed: ${m.message}`));
            });
            worker.on('error', reject);
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
  return plan.map((spec) => results.get(spec.id)!);
}
