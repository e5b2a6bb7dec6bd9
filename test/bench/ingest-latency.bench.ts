/**
 * Ingest without stalls (`npm run bench -- ingest-latency`): the monitoring service (a child
 * process, embedded store) under the two loads that used to block its event loop, while a prober
 * in a worker thread asks `/healthz` every 10 ms and records each answer's latency.
 *
 * - `unmatchedLabels`: 1 000 000 labels for events that never arrive, in batches of 5 000 from two
 *   clients (pending labels hit their cap of RETENTION_MAX_EVENTS early on and are evicted from
 *   then on). Goal: done in at most 30 s, `/healthz` p99 at most 50 ms.
 * - `eventBatches5000`: batches of 5 000 events of 65 features from three clients, back to back,
 *   for 20 s. Goal: at least 20 000 events/s, `/healthz` p99 at most 50 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchDataset } from './bench-dataset.js';
import { Worker } from 'node:worker_threads';
import { startService } from '../monitoring-service/helpers/service-process.js';
import { FEATURES, uniformSource } from './drift-bench-data.js';
import { median, percentile } from './stats.js';

const CLASSES = ['Bicep Curl', 'Crunch', 'Push-up', 'Squat', 'Transition'];
const BATCH = 5_000;
const LABELS = 1_000_000;
const EVENT_SECONDS = 20;

function writeDataset(dir: string, random: () => number): Promise<string> {
  return writeBenchDataset(dir, random, (i) => CLASSES[i % CLASSES.length]!);
}

/** Asks /healthz every 10 ms from its own thread, so the clients' work does not delay it. */
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const latencies = [];
let running = true;
parentPort.on('message', () => { running = false; });
function probe() {
  if (!running) { agent.destroy(); parentPort.postMessage(latencies); return; }
  const started = performance.now();
  http.get(workerData.url, { agent }, (res) => {
    res.resume();
    res.on('end', () => { latencies.push(performance.now() - started); setTimeout(probe, 10); });
  }).on('error', () => setTimeout(probe, 10));
}
probe();
`;

function startProber(url: string) {
  const worker = new Worker(PROBER, { eval: true, workerData: { url: `${url}/healthz` } });
  return {
    stop: () =>
      new Promise<number[]>((resolve) => {
        worker.once('message', (latencies: number[]) => {
          void worker.terminate();
          resolve(latencies);
        });
        worker.postMessage('stop');
      }),
  };
}

const agent = new Agent({ keepAlive: true });

function post(url: string, body: string | Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.end(body);
  });
}

function summary(latencies: number[]) {
  return {
    probes: latencies.length,
    p50Ms: median(latencies),
    p99Ms: percentile(latencies, 0.99),
    maxMs: Math.max(...latencies),
  };
}

async function unmatchedLabels(baseUrl: string) {
  const url = `${baseUrl}/v1/datasets/bench/labels`;
  let next = 0;
  const prober = startProber(baseUrl);
  const started = performance.now();
  const client = async () => {
    while (next < LABELS) {
      const from = next;
      next += BATCH;
      const labels = Array.from(
        { length: BATCH },
        (_, i) => `{"eventId":"missing-${from + i}","label":"Squat"}`,
      );
      const status = await post(url, `[${labels.join(',')}]`);
      if (status !== 200) throw new Error(`labels answered ${status}`);
    }
  };
  await Promise.all([client(), client()]);
  const seconds = (performance.now() - started) / 1000;
  const healthz = summary(await prober.stop());
  return {
    labels: LABELS,
    batch: BATCH,
    seconds,
    healthz,
    goal: { seconds: 30, healthzP99Ms: 50 },
  };
}

/** Digits of an event id's counter: fixed width, so that each id can be rewritten in place. */
const ID_DIGITS = 9;

/**
 * One client's batch as bytes, encoded once: each send rewrites only the id digits in place, so
 * the load generator takes little of the cores the service runs on (building 8 MB of JSON text
 * per request took it two thirds of a core).
 */
function batchBody(templates: readonly string[]) {
  const prefix = '{"eventId":"ev-';
  const events = templates.map((t) => `${prefix}${'0'.repeat(ID_DIGITS)}",${t}`);
  const text = `{"events":[${Array.from({ length: BATCH }, (_, i) => events[i % events.length]).join(',')}]}`;
  const bytes = Buffer.from(text, 'utf8');
  const offsets: number[] = [];
  for (let at = bytes.indexOf(prefix); at >= 0; at = bytes.indexOf(prefix, at + 1)) {
    offsets.push(at + prefix.length);
  }
  if (offsets.length !== BATCH)
    throw new Error(`expected ${BATCH} event ids, found ${offsets.length}`);
  return {
    bytes,
    /** Numbers the batch's events from `first` on. */
    number(first: number): Buffer {
      for (const [i, at] of offsets.entries()) {
        bytes.write(String(first + i).padStart(ID_DIGITS, '0'), at, 'latin1');
      }
      return bytes;
    },
  };
}

async function eventBatches(baseUrl: string, random: () => number) {
  const url = `${baseUrl}/v1/datasets/bench/events`;
  const templates = Array.from({ length: 500 }, (_, i) => {
    const features = Object.fromEntries(FEATURES.map((f) => [f, random()]));
    return `"timestamp":"2024-05-01T12:00:00.000Z","features":${JSON.stringify(features)},"prediction":"${CLASSES[i % CLASSES.length]}"}`;
  });
  let next = 0;
  const prober = startProber(baseUrl);
  const clientCpu = process.cpuUsage();
  const started = performance.now();
  const stopAt = started + EVENT_SECONDS * 1000;
  let acknowledged = 0;
  const client = async () => {
    const body = batchBody(templates);
    while (performance.now() < stopAt) {
      const first = next;
      next += BATCH;
      const status = await post(url, body.number(first));
      if (status !== 200) throw new Error(`events answered ${status}`);
      acknowledged += BATCH;
    }
  };
  await Promise.all([client(), client(), client()]);
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(clientCpu);
  const healthz = summary(await prober.stop());
  return {
    batch: BATCH,
    clients: 3,
    seconds,
    eventsPerSecond: Math.round(acknowledged / seconds),
    /** CPU the clients and the prober took meanwhile, on the same cores as the service. */
    loadGeneratorCpuSeconds: (user + system) / 1e6,
    healthz,
    goal: { eventsPerSecond: 20_000, healthzP99Ms: 50 },
  };
}

/** Mean drift-run time so far: the scheduled job shares the loop with ingestion. */
async function driftRunSeconds(baseUrl: string) {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const read = (name: string) =>
    Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  const count = read('drift_run_duration_seconds_count');
  return { runs: count, meanSeconds: read('drift_run_duration_seconds_sum') / count };
}

export default async function ingestLatencyBench(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-latency-bench-'));
  const random = uniformSource(7);
  const service = await startService({
    DATA_DIR: join(dir, 'data'),
    DATASETS_CONFIG: await writeDataset(dir, random),
  });
  try {
    const loadBefore = loadavg()[0];
    const labels = await unmatchedLabels(service.url);
    process.stderr.write(`ingest-latency: labels ${JSON.stringify(labels)}\n`);
    const events = await eventBatches(service.url, random);
    process.stderr.write(`ingest-latency: events ${JSON.stringify(events)}\n`);
    return {
      unmatchedLabels: labels,
      eventBatches5000: events,
      driftRuns: await driftRunSeconds(service.url),
      loadAverage1m: { before: loadBefore, after: loadavg()[0] },
    };
  } finally {
    agent.destroy();
    service.child.kill('SIGTERM');
    await service.exited;
    await rm(dir, { recursive: true, force: true });
  }
}
