/**
 * The sender against a trivial HTTP sink that acknowledges every window at once: how many
 * windows per second it can simulate, encode and send at 200 devices, and its own CPU time per
 * window, for single windows and batches of 32, so it can be compared with the prediction
 * service's goals (prediction.bench.ts) and shown not to be the bottleneck.
 *
 * Every session is a new wearer's, simulated when it starts, so the steady state pays for the
 * simulation of every window it sends. The sink runs in a child process so that the CPU measured
 * is the sender's alone (one thread: the simulation and the sending share one core). Each
 * device's first session is simulated before traffic starts (reported as `prepare`); the clock
 * starts at the first answer. Each phase reports the first WARMUP_WINDOWS windows (the prepared
 * first sessions) apart from the steady state after them, which is what a long run sustains.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { DEFAULT_OPTIONS, runSender } from '../../sender/src/index.js';

const DEVICES = 200;
/** Windows per session: every device has left its prepared first session after this many. */
const SESSION_WINDOWS = 49;
const WARMUP_WINDOWS = DEVICES * SESSION_WINDOWS;
/** Two more sessions per device, every one simulated while sending. */
const STEADY_WINDOWS = 2 * DEVICES * SESSION_WINDOWS;
/** The steady rate the sender must sustain from fresh sessions at 200 devices on one core. */
const GOAL_WINDOWS_PER_SECOND = 700;

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
    goal: steadyGoal(rates(warmupEnd, end)),
    latencyP99Ms: summary.latencyMs.p99,
  };
}

/** The steady rate against the goal, and the rate one core would give at the CPU measured. */
function steadyGoal(steady: Record<string, number>): Record<string, unknown> {
  const perCore = Math.round(1e6 / steady.cpuPerWindowUs!);
  return {
    windowsPerSecond: GOAL_WINDOWS_PER_SECOND,
    windowsPerCoreSecond: perCore,
    met: steady.windowsPerSecond! >= GOAL_WINDOWS_PER_SECOND && perCore >= GOAL_WINDOWS_PER_SECOND,
  };
}

export default async function bench(): Promise<Record<string, unknown>> {
  const sink = await startSink();
  try {
    const single = await phase(sink.url, 1);
    const batched = await phase(sink.url, 32);
    return {
      note: 'sink in a child process: CPU is the sender alone',
      devices: DEVICES,
      single,
      batched,
    };
  } finally {
    sink.child.kill();
  }
}
