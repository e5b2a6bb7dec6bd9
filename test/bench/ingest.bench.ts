/**
 * Ingestion throughput (`npm run bench -- ingest`): one monitoring service process on the
 * embedded store, several concurrent HTTP clients posting batches of 100 events of 65 features;
 * an event counts once its batch is acknowledged (durable). The drift job runs every 10 s on a
 * 500-event window meanwhile. Data are synthetic and seeded; the reference has 2 000 rows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchDataset } from './bench-dataset.js';
import { startService } from '../monitoring-service/helpers/service-process.js';
import { cpuSeconds, median, percentile } from './stats.js';
import { FEATURES, uniformSource } from './drift-bench-data.js';

const CLASSES = ['Bicep Curl', 'Crunch', 'Push-up', 'Squat', 'Transition'];
const BATCH_EVENTS = 100;
const CLIENTS = 8;
const WARMUP_MS = 3_000;
const MEASURE_MS = 25_000;

function writeDataset(dir: string, random: () => number): Promise<string> {
  return writeBenchDataset(dir, random, () => CLASSES[Math.floor(random() * CLASSES.length)]!);
}

/** Feature objects rendered once; batches reuse them under fresh event ids. */
function eventTemplates(random: () => number): string[] {
  return Array.from({ length: 500 }, (_, i) => {
    const features = Object.fromEntries(FEATURES.map((f) => [f, random()]));
    const cls = CLASSES[i % CLASSES.length];
    return `"timestamp":"2024-05-01T12:00:00.000Z","features":${JSON.stringify(features)},"prediction":"${cls}"}`;
  });
}

const agent = new Agent({ keepAlive: true });

/** A keep-alive POST through node:http: leaves more of the shared cores to the service than fetch. */
function post(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.once('error', reject);
    });
    req.end(body);
  });
}

export default async function ingestBench(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-bench-'));
  const random = uniformSource(42);
  const service = await startService({
    DATA_DIR: join(dir, 'data'),
    DATASETS_CONFIG: await writeDataset(dir, random),
  });
  try {
    const templates = eventTemplates(random);
    const url = `${service.url}/v1/datasets/bench/events`;
    let next = 0;
    const body = () => {
      const events = Array.from({ length: BATCH_EVENTS }, () => {
        const n = next++;
        return `{"eventId":"ev-${n}",${templates[n % templates.length]}`;
      });
      return `{"events":[${events.join(',')}]}`;
    };
    const started = performance.now();
    const measureFrom = started + WARMUP_MS;
    const stopAt = measureFrom + MEASURE_MS;
    const latenciesMs: number[] = [];
    let acknowledged = 0;
    let cpuAtStart = 0;
    const cpuTimer = setTimeout(() => {
      cpuAtStart = cpuSeconds(service.child.pid);
    }, WARMUP_MS);
    const client = async () => {
      while (performance.now() < stopAt) {
        const sentAt = performance.now();
        const res = await post(url, body());
        if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${res.text}`);
        const doneAt = performance.now();
        if (sentAt >= measureFrom && doneAt <= stopAt) {
          acknowledged += BATCH_EVENTS;
          latenciesMs.push(doneAt - sentAt);
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    clearTimeout(cpuTimer);
    const serverCpu = cpuSeconds(service.child.pid) - cpuAtStart;
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    const runs = Number(
      /drift_runs_total\{dataset="bench",outcome="success"\} (\d+)/.exec(metrics)?.[1] ?? 0,
    );
    const eventsPerSecond = acknowledged / (MEASURE_MS / 1000);
    process.stderr.write(`ingest: ${Math.round(eventsPerSecond)} events/s\n`);
    return {
      clients: CLIENTS,
      batchEvents: BATCH_EVENTS,
      features: FEATURES.length,
      measuredSeconds: MEASURE_MS / 1000,
      eventsPerSecond: Math.round(eventsPerSecond),
      batchLatencyMs: { p50: median(latenciesMs), p99: percentile(latenciesMs, 0.99) },
      driftRunsDuringBench: runs,
      /** Server CPU use; events per server CPU-second estimates capacity when cores are shared. */
      serverCpuCores: serverCpu / (MEASURE_MS / 1000),
      eventsPerServerCpuSecond: Math.round(acknowledged / serverCpu),
      loadAverage1m: loadavg()[0],
      goalEventsPerSecond: 20_000,
    };
  } finally {
    agent.destroy();
    service.child.kill('SIGTERM');
    await service.exited;
    await rm(dir, { recursive: true, force: true });
  }
}
