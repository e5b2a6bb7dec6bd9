import { bearerAuthorization } from '@driftwatch/core/http/bearer-token';
import { parseRetryAfterMs } from '@driftwatch/core/retry/retry-after';
/** How monitoring answered one batch. */
export type SendOutcome =
  | { kind: 'acknowledged' }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'rejected'; status: number; reason: string };

export type SendBatch = (payloads: readonly string[]) => Promise<SendOutcome>;

export interface MonitoringClientOptions {
  monitoringUrl: string;
  dataset: string;
  authToken: string | undefined;
  timeoutMs: number;
}

/**
 * Posts already-encoded events to monitoring's events route. Never throws: network failures,
 * timeouts, 5xx, 408 and 429 are worth retrying; any other 4xx will not get better by resending.
 */
export function createMonitoringClient(options: MonitoringClientOptions): SendBatch {
  const url = `${options.monitoringUrl}/v1/datasets/${encodeURIComponent(options.dataset)}/events`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.authToken !== undefined)
    headers.authorization = bearerAuthorization(options.authToken);
  return async (payloads) => {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: `{"events":[${payloads.join(',')}]}`,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      return { kind: 'retry', reason: describeFailure(error) };
    }
    if (response.ok) return { kind: 'acknowledged' };
    const reason = `HTTP ${response.status}: ${text.slice(0, 300)}`;
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), Date.now());
      return retryAfterMs === undefined
        ? { kind: 'retry', reason }
        : { kind: 'retry', reason, retryAfterMs };
    }
    return { kind: 'rejected', status: response.status, reason };
  };
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? `${error.name}: ${error.message}`;
}
