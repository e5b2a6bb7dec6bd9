/**
 * One run of the sender: check the target, then stream windows (simulated population or replay)
 * to the prediction service, send delayed labels to the monitoring service, keep the progress
 * line up to date and resolve to the summary.
 */
import { systemClock } from './transport/clock.js';
import { LabelQueue } from './labels/label-queue.js';
import type { SenderOptions } from './options/sender-options.js';
import { LiveMonitor } from './progress/live-monitor.js';
import { SenderStats } from './progress/sender-stats.js';
import type { RunContext, SenderDeps } from './run-context.js';
import { drainLabels, sendLoop } from './send-loop.js';
import { buildSummary, type Summary } from './summary.js';
import { openSource } from './run-source.js';
import { checkReachable } from './transport/check-reachable.js';
import { fetchTransport, httpTransport, type Transport } from './transport/http-transport.js';
import { postJson } from './transport/post-json.js';

/**
 * One transport for windows and labels: an agent's connection limit is per host, so labels to
 * the monitoring service never wait for a connection used by windows.
 */
function transportFor(options: SenderOptions, deps: SenderDeps): Transport {
  return deps.fetch ? fetchTransport(deps.fetch) : httpTransport(options.maxInFlight);
}

function linkedAbort(signal: AbortSignal | undefined): AbortController {
  const controller = new AbortController();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  return controller;
}

/**
 * Runs the sender until the windows are exhausted (count, duration, end of the replay) or
 * `deps.signal` aborts. Throws OptionError for an unreadable replay and UnreachableError when
 * the prediction service does not answer at the start.
 */
export async function runSender(options: SenderOptions, deps: SenderDeps = {}): Promise<Summary> {
  const fetchFn = deps.fetch ?? fetch;
  const clock = deps.clock ?? systemClock;
  const controller = linkedAbort(deps.signal);
  const output = deps.output ?? process.stdout;
  const runSource = await openSource(options);
  await checkReachable(fetchFn, options.predictionUrl, options.timeoutMs);
  const preparedSessions = await runSource.prepare(output, controller.signal);
  // Simulated second 0 is when traffic starts, after the preparation.
  const startMs = clock.now();
  const runId = `r${(options.seed >>> 0).toString(36)}${startMs.toString(36)}`;
  const source = runSource.open(runId, startMs);
  const stats = new SenderStats();
  const policy = {
    retries: options.retries,
    baseMs: 100,
    maxMs: 5000,
    timeoutMs: options.timeoutMs,
  };
  const labelsUrl = `${options.monitoringUrl}/v1/datasets/${options.dataset}/labels`;
  const transport = transportFor(options, deps);
  const post = { transport, clock, token: options.token, policy };
  const labels = new LabelQueue((body) => postJson(labelsUrl, body, post), stats);
  const ctx: RunContext = {
    options,
    transport,
    clock,
    signal: controller.signal,
    source,
    stats,
    labels,
    startMs,
    onBatch: deps.onBatch,
  };
  const monitor = new LiveMonitor({
    clock,
    fetch: fetchFn,
    output,
    stats,
    reportUrl: `${options.monitoringUrl}/v1/datasets/${options.dataset}/report`,
    pollIntervalS: options.pollIntervalS,
    startMs,
  });
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  monitor.start();
  try {
    await sendLoop(ctx);
    await drainLabels(ctx);
  } catch (error) {
    await monitor.stop();
    throw error;
  } finally {
    transport.close();
  }
  const cpu = process.cpuUsage(cpuStart);
  const durationS = (performance.now() - wallStart) / 1000;
  const drift = await monitor.stop();
  return buildSummary({
    options,
    stats,
    cpu,
    durationS,
    drift,
    labelsPending: labels.size,
    preparedSessions,
    interrupted: controller.signal.aborted,
  });
}
