import { causeCode } from './post-json.js';

/** Refuses to start a run against a service that does not answer at all. */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
}

/** Any HTTP answer from GET /healthz counts as reachable; no answer throws UnreachableError. */
export async function checkReachable(
  fetchFn: typeof fetch,
  baseUrl: string,
  timeoutMs: number,
): Promise<void> {
  try {
    const res = await fetchFn(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
  } catch (error) {
    const reason = causeCode(error) ?? (error as Error).message;
    throw new UnreachableError(`prediction service unreachable at ${baseUrl} (${reason})`);
  }
}
