/**
 * The sender against a trivial local HTTP sink that acknowledges every window at once: how many
 * windows per second it can simulate, encode and send, and its own CPU time per window, for
 * single windows and batches of 32, so it can be compared with the prediction service's goals
 * (prediction.bench.ts) and shown not to be the bottleneck.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_OPTIONS, runSender, type Summary } from '../../sender/src/index.js';

const WINDOWS = 6000;

/** Answers every /predict with one prediction per window id in the body, /healthz with 200. */
function startSink(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const ids = [
        ...Buffer.concat(chunks)
          .toString()
          .matchAll(/"windowId":"([^"]+)"/g),
      ].map((m) => m[1]);
      const predictions = ids.map((windowId) => ({ windowId, label: 'Walk', probabilities: {} }));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ predictions }));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

async function phase(url: string, batch: number): Promise<Record<string, number>> {
  const summary: Summary = await runSender(
    {
      ...DEFAULT_OPTIONS,
      predictionUrl: url,
      monitoringUrl: url,
      // Far above what the sender can do: the run is as fast as the sender itself.
      speed: 1e6,
      devices: 50,
      count: WINDOWS,
      batch,
      labels: 'none',
      pollIntervalS: 0,
      maxInFlight: 8,
    },
    { output: { write: () => undefined } },
  );
  return {
    batch,
    windows: summary.acknowledged,
    windowsPerSecond: summary.windowsPerSecond,
    cpuPerWindowUs: summary.cpu.perWindowUs,
    latencyP99Ms: summary.latencyMs.p99,
  };
}

export default async function bench(): Promise<Record<string, unknown>> {
  const sink = await startSink();
  try {
    const single = await phase(sink.url, 1);
    const batched = await phase(sink.url, 32);
    return {
      note: 'CPU includes the in-process sink; simulation of fresh sessions dominates',
      single,
      batched,
    };
  } finally {
    sink.server.closeAllConnections();
    sink.server.close();
  }
}
