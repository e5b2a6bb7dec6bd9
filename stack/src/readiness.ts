/** Start-up checks: a port is free before a service is started, and a service is ready. */
import { createServer } from 'node:net';
import type { ManagedProcess } from './managed-process.js';

/** Thrown when the stack cannot start; the message says what to do. */
export class StackStartError extends Error {
  override name = 'StackStartError';
}

/** Resolves when nothing listens on 127.0.0.1:`port`; throws StackStartError otherwise. */
export async function assertPortFree(port: number, what: string, envName: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new StackStartError(
      `port ${port} for ${what} is in use: stop whatever listens there or choose another port with ${envName}=…`,
    );
  }
}

const POLL_MS = 250;

async function answers200(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * Polls `url` until it answers 200. Throws StackStartError with the end of the process's log
 * when the process exits first or `timeoutMs` passes, and without it when `signal` aborts.
 */
export async function waitUntilReady(
  p: ManagedProcess,
  url: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (signal?.aborted) throw new StackStartError('start-up interrupted');
    if (!p.running()) {
      const code = await p.exited;
      throw new StackStartError(
        `${p.name} exited (${code}) before it was ready; end of ${p.logFile}:\n${p.tail()}`,
      );
    }
    if (await answers200(url)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new StackStartError(
    `${p.name} was not ready at ${url} within ${timeoutMs / 1000} s; end of ${p.logFile}:\n${p.tail()}`,
  );
}
