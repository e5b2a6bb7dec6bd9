/**
 * POST with retries: network errors, timeouts, 429 and 5xx are retried with the very same body,
 * so a window keeps its windowId however often it is resent. The waits follow the shared retry
 * policy of core/src/retry: full-jitter exponential backoff, at least the answer's Retry-After.
 */
import { bearerAuthorization } from '@driftwatch/core/http/bearer-token';
import { parseRetryAfterMs } from '@driftwatch/core/retry/retry-after';
import { retryDelayMs } from '@driftwatch/core/retry/retry-delay';
import type { Clock } from './clock.js';
import type { Body, Transport } from './http-transport.js';

export interface RetryPolicy {
  readonly retries: number;
  readonly baseMs: number;
  readonly maxMs: number;
  readonly timeoutMs: number;
}

export interface PostContext {
  readonly transport: Transport;
  readonly clock: Clock;
  readonly token: string | undefined;
  readonly policy: RetryPolicy;
  /** Aborting stops further retries; a request already on the wire is allowed to finish. */
  readonly signal?: AbortSignal;
  /** Uniform in [0, 1) for the backoff's jitter; Math.random unless a test seeds one. */
  readonly random?: () => number;
}

export interface PostOutcome {
  readonly ok: boolean;
  /** Last HTTP status; undefined when no answer ever came. */
  readonly status: number | undefined;
  readonly body: unknown;
  readonly attempts: number;
  /** Milliseconds of the last attempt. */
  readonly latencyMs: number;
  readonly error: string | undefined;
}

function retryable(status: number | undefined): boolean {
  return status === undefined || status === 429 || status >= 500;
}

async function attempt(url: string, body: Body, ctx: PostContext) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (ctx.token) headers.authorization = bearerAuthorization(ctx.token);
  const started = performance.now();
  try {
    const res = await ctx.transport.post(url, body, headers, ctx.policy.timeoutMs);
    const text = res.text;
    const latencyMs = performance.now() - started;
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Error pages from proxies are not JSON; keep the text for the message.
    }
    const retryAfter = res.retryAfter;
    return { status: res.status, body: parsed, latencyMs, error: undefined, retryAfter };
  } catch (error) {
    const latencyMs = performance.now() - started;
    const retryAfter = undefined;
    return { status: undefined, body: undefined, latencyMs, error: describe(error), retryAfter };
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  // node:http puts the socket error's code on the error itself, fetch in its cause.
  return (error as { code?: string }).code ?? causeCode(error) ?? error.message;
}

export async function postJson(url: string, body: Body, ctx: PostContext): Promise<PostOutcome> {
  const { retries } = ctx.policy;
  for (let n = 1; ; n++) {
    const r = await attempt(url, body, ctx);
    const ok = r.status !== undefined && r.status >= 200 && r.status < 300;
    const last = n > retries || ctx.signal?.aborted === true;
    if (ok || !retryable(r.status) || last) {
      const error = ok ? undefined : (r.error ?? `HTTP ${r.status}: ${errorText(r.body)}`);
      return { ok, status: r.status, body: r.body, attempts: n, latencyMs: r.latencyMs, error };
    }
    const retryAfterMs = parseRetryAfterMs(r.retryAfter, ctx.clock.now());
    const delayMs = retryDelayMs(n, ctx.policy, retryAfterMs, ctx.random);
    await ctx.clock.sleep(delayMs, ctx.signal);
  }
}

function errorText(body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  if (typeof message === 'string') return message;
  return typeof body === 'string' ? body.slice(0, 200) : JSON.stringify(body)?.slice(0, 200);
}

/** Node's fetch hides the socket error (ECONNREFUSED…) in `cause`, sometimes an AggregateError. */
export function causeCode(error: unknown): string | undefined {
  const cause = (
    error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }
  ).cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message;
}
