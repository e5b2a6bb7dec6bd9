/**
 * How a POST reaches a service. The sender's own transport is node:http with keep-alive agents:
 * fetch costs several times more CPU per request, and at thousands of requests per second that
 * cost, not the service, set the pace. An injected fetch (tests) goes through fetchTransport.
 */
import { Agent, request } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface Answer {
  readonly status: number;
  readonly text: string;
  /** The answer's Retry-After header, when it sent one. */
  readonly retryAfter?: string;
}

/** Window bodies are bytes assembled from cached parts; label bodies are strings. */
export type Body = string | Uint8Array;

export interface Transport {
  /** Rejects on network errors and, with an error named TimeoutError, after `timeoutMs`. */
  post(
    url: string,
    body: Body,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<Answer>;
  /** Closes idle connections so that a finished run does not keep the process alive. */
  close(): void;
}

export function fetchTransport(fetchFn: typeof fetch): Transport {
  return {
    async post(url, body, headers, timeoutMs) {
      const signal = AbortSignal.timeout(timeoutMs);
      const res = await fetchFn(url, { method: 'POST', headers, body, signal });
      const retryAfter = res.headers.get('retry-after') ?? undefined;
      return { status: res.status, text: await res.text(), ...(retryAfter && { retryAfter }) };
    },
    close: () => undefined,
  };
}

function timeoutError(timeoutMs: number): Error {
  const error = new Error(`no answer within ${timeoutMs} ms`);
  error.name = 'TimeoutError';
  return error;
}

function postOnce(
  agent: Agent,
  url: URL,
  body: Body,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Answer> {
  const send = url.protocol === 'https:' ? httpsRequest : request;
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const req = send(url, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        const retryAfter = res.headers['retry-after'];
        resolve({ status: res.statusCode ?? 0, text, ...(retryAfter && { retryAfter }) });
      });
    });
    // A deadline for the whole exchange, as AbortSignal.timeout gave fetch, not an idle timeout.
    const timer = setTimeout(() => req.destroy(timeoutError(timeoutMs)), timeoutMs);
    req.on('error', fail);
    req.setHeader('content-length', Buffer.byteLength(body));
    req.end(body);
  });
}

/**
 * Keep-alive node:http(s) with at most `maxSockets` connections per host: one per request the
 * sender may have in flight, so no request waits for a connection.
 */
export function httpTransport(maxSockets: number): Transport {
  const http = new Agent({ keepAlive: true, maxSockets });
  const https = new HttpsAgent({ keepAlive: true, maxSockets });
  return {
    post(url, body, headers, timeoutMs) {
      const target = new URL(url);
      const agent = target.protocol === 'https:' ? https : http;
      return postOnce(agent, target, body, headers, timeoutMs);
    },
    close() {
      http.destroy();
      https.destroy();
    },
  };
}
