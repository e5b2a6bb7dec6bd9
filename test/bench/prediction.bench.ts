/**
 * Prediction service over HTTP: the real main.ts as a child process, forwarding every window to
 * a fake monitoring receiver in another process. Measures single-window requests (closed loop
 * for the ceiling, then paced at the goal rate for latency) and batches of 32, all through
 * keep-alive agents with several concurrent clients, and checks every window reached the receiver.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPrediction, stopProcess } from '../prediction-service/helpers/prediction-process.js';
import { writeTestModel } from '../prediction-service/helpers/test-model.js';
import { seedWindow } from '../prediction-service/helpers/windows.js';
import { median, percentile } from './stats.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REAL_CARD = join(ROOT, 'reference-data', 'model', 'model-card.json');
const GOALS = { singleWindowsPerSecond: 1500, singleP99Ms: 10, batchWindowsPerSecond: 10_000 };
const CLIENTS = 8;
const PHASE_MS = 5000;
const WARMUP_MS = 1000;
const BATCH = 32;

const log = (message: string) => process.stderr.write(`  prediction: ${message}\n`);

interface Target {
  port: number;
  agent: Agent;
}

/** One POST /predict; resolves with the latency in ms, rejects on a non-200 answer. */
function post(target: Target, body: Buffer): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: '/predict',
        method: 'POST',
        agent: target.agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `clients` loops sending `body` back to back for `ms`; latencies of the measured part. */
async function closedLoop(target: Target, body: Buffer, ms: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + ms;
  const client = async () => {
    while (performance.now() < end) latencies.push(await post(target, body));
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return latencies;
}

/**
 * Requests started on a fixed schedule whatever the answers do; latency counts from the
 * scheduled start, so queueing behind a slow answer is not hidden.
 */
async function paced(target: Target, body: Buffer, perSecond: number, ms: number) {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let sent = 0; sent < (perSecond * ms) / 1000; sent++) {
    const due = start + (sent * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      post(target, body).then(() => {
        latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(pending);
  return { latencies, achievedPerSecond: (latencies.length * 1000) / (performance.now() - start) };
}

function summary(latencies: number[], windowsPerRequest: number, ms: number) {
  return {
    requests: latencies.length,
    windowsPerSecond: Math.round((latencies.length * windowsPerRequest * 1000) / ms),
    medianMs: Number(median(latencies).toFixed(3)),
    p99Ms: Number(percentile(latencies, 0.99).toFixed(3)),
  };
}

function startReceiver(): Promise<{ child: ChildProcess; exited: Promise<unknown>; port: number }> {
  const script = join(ROOT, 'test', 'prediction-service', 'helpers', 'fake-monitoring-main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => {
      resolve({ child, exited, port: JSON.parse(chunk.toString()).port as number });
    });
    void exited.then(() => reject(new Error('fake monitoring receiver exited')));
  });
}

async function receivedBy(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/stats`);
  return ((await res.json()) as { received: number }).received;
}

export default async function predictionBench(): Promise<Record<string, unknown>> {
  const realModel = existsSync(REAL_CARD);
  log(realModel ? 'using the real model' : 'real model absent; training a 100-tree forest');
  const model = realModel
    ? undefined
    : writeTestModel({ forest: { trees: 100, maxDepth: 24, rows: 3000 } });
  const dataDir = mkdtempSync(join(tmpdir(), 'prediction-bench-'));
  const receiver = await startReceiver();
  const service = await startPrediction({
    DATA_DIR: dataDir,
    MODEL_PATH: model?.cardPath ?? REAL_CARD,
    MONITORING_URL: `http://127.0.0.1:${receiver.port}`,
  });
  // A bounded pool: when the service falls behind, paced requests queue in the agent (and their
  // latency shows it) instead of opening thousands of sockets.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const target = { port: Number(new URL(service.url).port), agent };
  try {
    const single = Buffer.from(JSON.stringify(seedWindow()));
    const batch = Buffer.from(JSON.stringify({ windows: Array(BATCH).fill(seedWindow()) }));
    let sentWindows = 0;
    await closedLoop(target, single, WARMUP_MS);
    log('single windows, closed loop');
    const singleMax = await closedLoop(target, single, PHASE_MS);
    log(JSON.stringify(summary(singleMax, 1, PHASE_MS)));
    log(`single windows, paced at ${GOALS.singleWindowsPerSecond}/s`);
    const pacedRun = await paced(target, single, GOALS.singleWindowsPerSecond, PHASE_MS);
    log(JSON.stringify(summary(pacedRun.latencies, 1, PHASE_MS)));
    log(`batches of ${BATCH}, closed loop`);
    await closedLoop(target, batch, WARMUP_MS);
    const batched = await closedLoop(target, batch, PHASE_MS);
    sentWindows = await waitForForwarding(service.url, receiver.port);
    const singleSummary = summary(singleMax, 1, PHASE_MS);
    const pacedSummary = summary(pacedRun.latencies, 1, PHASE_MS);
    const batchSummary = summary(batched, BATCH, PHASE_MS);
    return {
      model: realModel ? 'reference-data/model' : 'synthetic 100-tree forest',
      clients: CLIENTS,
      singleWindow: singleSummary,
      singleWindowPaced: {
        ...pacedSummary,
        // The schedule fixes how many were sent; how fast they were answered is what counts.
        windowsPerSecond: Math.round(pacedRun.achievedPerSecond),
        targetPerSecond: GOALS.singleWindowsPerSecond,
      },
      batch32: batchSummary,
      forwardedWindows: sentWindows,
      goals: GOALS,
      goalsMet: {
        single: singleSummary.windowsPerSecond >= GOALS.singleWindowsPerSecond,
        singleP99AtGoalRate:
          pacedSummary.p99Ms <= GOALS.singleP99Ms &&
          pacedRun.achievedPerSecond >= 0.98 * GOALS.singleWindowsPerSecond,
        batch: batchSummary.windowsPerSecond >= GOALS.batchWindowsPerSecond,
      },
    };
  } finally {
    target.agent.destroy();
    await stopProcess(service, 'SIGTERM');
    await stopProcess(receiver, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    if (model) rmSync(model.dir, { recursive: true, force: true });
  }
}

/** Waits for the outbox to drain; returns how many events the receiver acknowledged. */
async function waitForForwarding(serviceUrl: string, receiverPort: number): Promise<number> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const metrics = await (await fetch(`${serviceUrl}/metrics`)).text();
    if (/prediction_forward_queue_events\{[^}]*\} 0\n/.test(metrics)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return receivedBy(receiverPort);
}
