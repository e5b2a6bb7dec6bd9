/**
 * `npm start` interrupted the way a terminal does it: SIGINT to the whole process group (npm,
 * tsx and the launcher all get it, and npm and tsx forward it too). One Ctrl-C must stop the
 * stack gracefully every time: services stopped with SIGTERM and exiting 0, then the summary.
 * Real processes, without Prometheus; a few seconds per round.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../stack/src/repo-paths.js';

const ROUNDS = 2;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Launch {
  child: ChildProcess;
  output: () => string;
  ended: Promise<void>;
}

async function launch(dataDir: string): Promise<Launch> {
  const env = {
    ...process.env,
    PREDICTION_PORT: String(await freePort()),
    MONITORING_PORT: String(await freePort()),
    STACK_DATA_DIR: dataDir,
  };
  // Its own process group, as a terminal's foreground job, so -pid reaches npm, tsx and node.
  // A few wearers: how the stack stops does not depend on the traffic's size, and simulating the
  // default 200 wearers' sessions would cost each round seconds of CPU.
  const child = spawn('npm', ['start', '--', '--no-prometheus', '--devices', '5'], {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => {
    text += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    text += chunk;
  });
  const ended = new Promise<void>((resolve) => {
    child.stdout?.once('close', () => resolve());
  });
  return { child, output: () => text, ended };
}

/** Leaves nothing of a failed round behind; the group may well be gone already. */
function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // ESRCH: every process of the group has exited.
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return check();
}

describe('npm start and a Ctrl-C to its process group', () => {
  it(`stops gracefully on one SIGINT, ${ROUNDS} times in a row`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const dataDir = await mkdtemp(join(tmpdir(), 'launcher-sigint-'));
      const run = await launch(dataDir);
      try {
        const ready = await until(
          () => run.output().includes('Driftwatch local stack is running'),
          60_000,
        );
        expect(ready, run.output()).toBe(true);
        process.kill(-run.child.pid!, 'SIGINT');
        await until(() => run.output().includes('Run summary'), 30_000);
        await run.ended;
        const text = run.output();
        expect(text, `round ${round}`).toContain('SIGINT: stopping the stack gracefully');
        expect(text, `round ${round}`).not.toContain('killing everything now');
        expect(text, `round ${round}`).toMatch(
          /stopped {7}(monitoring|prediction) exit 0, (monitoring|prediction) exit 0/,
        );
        expect(text).toContain(`data, logs    ${dataDir}/, ${join(dataDir, 'logs')}/`);
      } finally {
        killGroup(run.child);
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  }, 150_000);
});
