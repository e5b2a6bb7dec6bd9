/**
 * A child process of the stack: its output goes to a log file, it runs in its own process group
 * (so a terminal's Ctrl-C reaches only the launcher, which stops children in order) and it is
 * stopped with SIGTERM, then SIGKILL after a grace period.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';

export interface ProcessSpec {
  /** Short name for messages: `prediction`, `prometheus`, … */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly logFile: string;
}

export interface ManagedProcess {
  readonly name: string;
  readonly logFile: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code or signal once the process is gone; never rejects. */
  readonly exited: Promise<number | string>;
  running(): boolean;
  /** SIGTERM, then SIGKILL when it is still there after `graceMs`; resolves once it is gone. */
  stop(graceMs: number): Promise<number | string>;
  /** The last lines of its log, for error messages. */
  tail(lines?: number): string;
}

const live = new Set<ManagedProcess>();

// A launcher that dies on an exception must not leave services holding their ports.
process.once('exit', () => {
  for (const p of live) if (p.running()) p.child.kill('SIGKILL');
});

export function startProcess(spec: ProcessSpec): ManagedProcess {
  const log = createWriteStream(spec.logFile, { flags: 'a' });
  const child = spawn(spec.command, [...spec.args], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | string>((resolve) => {
    child.once('error', (error) => {
      log.write(`${spec.name}: ${error.message}\n`);
      resolve(error.message);
    });
    child.once('close', (code, signal) => {
      log.end();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const running = () =>
    child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  const managed: ManagedProcess = {
    name: spec.name,
    logFile: spec.logFile,
    child,
    exited,
    running,
    stop: (graceMs) => stopChild(managed, graceMs),
    tail: (lines = 15) => tailOf(spec.logFile, lines),
  };
  live.add(managed);
  void exited.then(() => live.delete(managed));
  return managed;
}

async function stopChild(p: ManagedProcess, graceMs: number): Promise<number | string> {
  if (!p.running()) return p.exited;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    if (p.running()) p.child.kill('SIGKILL');
  }, graceMs);
  const result = await p.exited;
  clearTimeout(timer);
  return result;
}

function tailOf(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
