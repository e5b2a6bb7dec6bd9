/**
 * The sender against a trivial HTTP sink that acknowledges every window at once: how many
 * windows per second it can simulate, encode and send, and its own CPU time per window, for
 * single windows and batches of 32, so it can be compared with the prediction service's goals
 * (prediction.bench.ts) and shown not to be the bottleneck.
 *
 * The sink runs in a child process so that the CPU measured is the sender's alone. The sessions
 * that first fill the devices' pools are simulated before traffic starts (reported as
 * `prepare`); the clock starts at the first answer. Each phase then reports its first
 * WARMUP_WINDOWS windows (the pools being played for the first time) apart from the steady state
 * after them, which includes fresh sessions at their long-run share: the steady state is what a
 * long run sustains.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { DEFAULT_OPTIONS, runSender } from '../../sender/src/index.js';

const DEVICES = 20;
/** Windows until every device has played its whole pool: 4 sessions of 49 windows, and a margin. */
const WARMUP_WINDOWS = 4_400;
/** About one full cycle of the pools (32 sessions per device), so fresh sessions count fully. */
const STEADY_WINDOWS = 32_000;

/** Answers every /predict with one prediction per window id in the body, /healthz with 200. */
const SINK = `
const server = require('node:http').createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const ids = [...Buffer.concat(chunks).toString().matchAll(/"windowId":"([^"]+)"/g)].map((m) => m[1]);
    const predictions = ids.map((windowId) => ({ windowId, label: 'Walk', probabilities: {} }));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ predictions }));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

async function startSink(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-e', SINK], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { child, url: `http://127.0.0.1:${Number.parseInt(chunk.toString(), 10)}` };
}

interface Mark {
  windows: number;
  ms: number;
  cpu: NodeJS.CpuUsage;
}

function mark(windows: number): Mark {
  return { windows, ms: performance.now(), cpu: process.cpuUsage() };
}

function rates(from: Mark, to: Mark): Record<string, number> {
  const windows = to.windows - from.windows;
  const cpuMs = (to.cpu.user - from.cpu.user + to.cpu.system - from.cpu.system) / 1000;
  const seconds = (to.ms - from.ms) / 1000;
  return {
    windows,
    windowsPerSecond: Math.round(windows / seconds),
    cpuPerWindowUs: Math.round((cpuMs * 1000) / windows),
    cpuShareOfOneCore: Number((cpuMs / 1000 / seconds).toFixed(2)),
  };
}

async function phase(url: string, batch: number): Promise<Record<string, unknown>> {
  const marks: Mark[] = [];
  const started = mark(0);
  let acknowledged = 0;
  const summary = await runSender(
    {
      ...DEFAULT_OPTIONS,
      predictionUrl: url,
      monitoringUrl: url,
      // Far above what the sender can do: the run is as fast as the sender itself.
      speed: 1e6,
      devices: DEVICES,
      count: WARMUP_WINDOWS + STEADY_WINDOWS,
      batch,
      labels: 'none',
      pollIntervalS: 0,
      maxInFlight: 8,
    },
    {
      output: { write: () => undefined },
      onBatch: ({ acknowledged: ids }) => {
        acknowledged += ids.size;
        if (marks.length === 0) marks.push(mark(acknowledged));
        if (marks.length === 1 && acknowledged >= WARMUP_WINDOWS) marks.push(mark(acknowledged));
      },
    },
  );
  const end = mark(acknowledged);
  const first = marks[0] ?? end;
  const warmupEnd = marks[1] ?? end;
  return {
    batch,
    acknowledged: summary.acknowledged,
    prepare: {
      sessions: summary.preparedSessions,
      seconds: Number(((first.ms - started.ms) / 1000).toFixed(2)),
    },
    whole: rates(first, end),
    warmup: rates(first, warmupEnd),
    steady: rates(warmupEnd, end),
    latencyP99Ms: summary.latencyMs.p99,
  };
}

export default async function bench(): Promise<Record<string, unknown>> {
  const sink = await startSink();
  try {
    const single = await phase(sink.url, 1);
    const batched = await phase(sink.url, 32);
    return { note: 'sink in a child process: CPU is the sender alone', single, batched };
  } finally {
    sink.child.kill();
  }
}
