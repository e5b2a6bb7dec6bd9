/**
 * Runs one of the real services (its main.ts) as a child process on port 0 and finds its port in
 * the JSON "listening" log line. For crash, fault and end-to-end tests and benchmarks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childEntryArgs } from './child-entry.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServiceChild {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
  output(): string;
}

export interface ServiceChildSpec {
  /** For error messages: "monitoring service". */
  name: string;
  /** main.ts relative to the repository root. */
  main: string;
  /** The `msg` of the log line that carries the bound port. */
  listeningMessage: string;
  /** Node options the service is started with in production. */
  nodeFlags?: readonly string[];
}

export function startServiceChild(
  spec: ServiceChildSpec,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<ServiceChild> {
  const args = [...(spec.nodeFlags ?? []), ...childEntryArgs(spec.main)];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const listening = new RegExp(`"port":(\\d+)[^\\n]*"msg":"${spec.listeningMessage}"`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${spec.name} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = listening.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${port}`, child, exited, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.name} exited (${code}) before listening:\n${output}`));
    });
  });
}
