/**
 * Runs the real monitoring service (main.ts) as a child process on port 0 and finds its port in
 * the "listening" log line. For crash tests and benchmarks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'monitoring-service', 'src', 'main.ts');

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
  output(): string;
}

/** Writes a datasets file for the toy fixture reference into `dir`; returns its path. */
export async function writeToyDatasets(
  dir: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const fixture = join(FIXTURES_DIR, 'monitoring-service');
  const dataset = {
    name: 'toy',
    reference: {
      data: join(fixture, 'toy-reference.csv'),
      schema: join(fixture, 'toy-reference.schema.json'),
    },
    windowSizeEvents: 100,
    minWindowEvents: 20,
    ...extra,
  };
  const path = join(dir, 'datasets.json');
  await writeFile(path, JSON.stringify({ datasets: [dataset] }));
  return path;
}

export function startService(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`monitoring service did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /"port":(\d+)[^\n]*"msg":"listening"/.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${port}`, child, exited, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`monitoring service exited (${code}) before listening:\n${output}`));
    });
  });
}
