import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startProcess } from '../../stack/src/managed-process.js';
import { assertPortFree, StackStartError, waitUntilReady } from '../../stack/src/readiness.js';

const dir = mkdtempSync(join(tmpdir(), 'managed-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function node(name: string, script: string) {
  return startProcess({
    name,
    command: process.execPath,
    args: ['-e', script],
    cwd: dir,
    logFile: join(dir, `${name}.log`),
  });
}

/** Waits until the child logged `line`, i.e. it got past its set-up. */
async function logged(p: ReturnType<typeof node>, line: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!p.tail().includes(line) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('stack child processes', () => {
  it('stop with SIGTERM when the child honours it', async () => {
    const p = node('polite', "console.log('up'); setInterval(() => {}, 1000);");
    await logged(p, 'up');
    expect(p.running()).toBe(true);
    expect(await p.stop(5000)).toBe('SIGTERM');
    expect(p.tail()).toBe('up');
  });

  it('get SIGKILL after the grace period when they ignore SIGTERM', async () => {
    const p = node(
      'stubborn',
      "process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000);",
    );
    await logged(p, 'up');
    const started = Date.now();
    expect(await p.stop(500)).toBe('SIGKILL');
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('report a child that exits before it is ready, with the end of its log', async () => {
    const p = node('broken', "console.error('cannot load the model'); process.exit(3);");
    const ready = waitUntilReady(p, 'http://127.0.0.1:9/readyz', 10_000);
    await expect(ready).rejects.toThrow(/broken exited \(3\)[\s\S]*cannot load the model/);
  });
});

describe('port checks', () => {
  it('name the port and its variable when something listens there', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const check = assertPortFree(port, 'monitoring', 'MONITORING_PORT');
      await expect(check).rejects.toThrow(StackStartError);
      await expect(check).rejects.toThrow(`port ${port} for monitoring is in use`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    await expect(assertPortFree(port, 'monitoring', 'MONITORING_PORT')).resolves.toBeUndefined();
  });
});
