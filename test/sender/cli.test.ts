import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEntryArgs } from '../helpers/child-entry.js';

/**
 * The CLI's own process, started as tsx starts it but without npx in between (a second of start-
 * up per case). The kill timeout only ends a hung child; it is far above a busy machine's time.
 */
const CLI = childEntryArgs('sender/src/cli.ts');
const KILL_AFTER_MS = 110_000;

function cli(args: string[]) {
  return spawnSync(process.execPath, [...CLI, ...args], {
    encoding: 'utf8',
    timeout: KILL_AFTER_MS,
  });
}

/** The CLI as a child process while this process serves it (spawnSync would block the stub). */
function cliAsync(
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, ...args], { timeout: KILL_AFTER_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * A stand-in for the prediction service: /healthz answers, /predict acknowledges every window
 * (or answers 500 to all when `failing`), anything else is 404.
 */
function stubService(failing: () => boolean): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/healthz') return void res.end('ok');
      if (req.url !== '/predict') return void res.writeHead(404).end();
      if (failing()) return void res.writeHead(500).end('{"error":"down"}');
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        windowId?: string;
        windows?: { windowId: string }[];
      };
      const ids = body.windows?.map((w) => w.windowId) ?? [body.windowId];
      const predictions = ids.map((windowId) => ({ windowId, label: 'Walk', probabilities: {} }));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ predictions }));
    });
  });
}

describe('sender CLI against a stub service', () => {
  let server: Server;
  let url: string;
  let failing = false;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'sender-cli-'));
    server = stubService(() => failing);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes the summary JSON and prints progress lines', async () => {
    failing = false;
    const file = join(folder, 'summary.json');
    const common = ['--prediction-url', url, '--monitoring-url', url, '--speed', '1000'];
    const run = ['--count', '40', '--devices', '4', '--batch', '4', '--labels', 'inline'];
    const result = await cliAsync([...common, ...run, '--summary-json', file]);
    expect(result.stderr).not.toContain('sender:');
    expect(result.status).toBe(0);
    // The first session of each device is simulated ahead; later ones when they start.
    expect(result.stdout).toContain('simulating 4 sessions of 4 devices before sending');
    expect(result.stdout).toMatch(/sent 40 \| ack 40 \| failed 0 \|/);
    const summary = JSON.parse(readFileSync(file, 'utf8'));
    expect(summary).toMatchObject({
      sent: 40,
      acknowledged: 40,
      failed: 0,
      requests: 10,
      labelsSent: 40,
      preparedSessions: 4,
      ok: true,
    });
    for (const key of ['p50', 'p90', 'p99', 'max', 'mean']) {
      expect(summary.latencyMs[key]).toBeGreaterThan(0);
    }
  });

  it('exits 1 when more than --max-failure-share of the windows failed', async () => {
    failing = true;
    const file = join(folder, 'failed.json');
    const result = await cliAsync([
      ...['--prediction-url', url, '--monitoring-url', url, '--speed', '1000'],
      ...['--count', '4', '--devices', '1', '--retries', '1', '--summary-json', file],
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('sender: 4 of 4 windows failed');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ failed: 4, ok: false });
  });
});

describe('sender CLI', () => {
  it('exits 2 naming the option for a bad value', () => {
    const result = cli(['--batch', 'many']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--batch expects a positive integer');
  });

  it('exits 1 when the prediction service is unreachable', () => {
    const result = cli(['--count', '1', '--prediction-url', 'http://127.0.0.1:9']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('prediction service unreachable at http://127.0.0.1:9');
  });

  it('lists every scenario with what should catch it', () => {
    const result = cli(['--list-scenarios']);
    expect(result.status).toBe(0);
    for (const name of [
      'none',
      'sensor-bias',
      'gain',
      'wrong-arm',
      'tempo',
      'noise',
      'class-mix',
      'concept',
      'sample-rate',
    ]) {
      expect(result.stdout).toContain(`${name}\n  changes:`);
    }
  });
});
