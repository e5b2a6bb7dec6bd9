import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpTransport, type Transport } from '../../../sender/src/transport/http-transport.js';
import { postJson } from '../../../sender/src/transport/post-json.js';
import { virtualClock } from '../helpers/virtual-clock.js';

const policy = { retries: 3, baseMs: 100, maxMs: 1000, timeoutMs: 1000 };

interface Seen {
  body: string;
  authorization: string | undefined;
  port: number | undefined;
}

let server: Server | undefined;
let transport: Transport | undefined;

afterEach(() => {
  transport?.close();
  server?.closeAllConnections();
  server?.close();
});

/** A server answering with the scripted statuses (then 200), or never for 'hang'. */
async function scripted(answers: (number | 'hang')[]): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { authorization } = req.headers;
      seen.push({
        body: Buffer.concat(chunks).toString(),
        authorization,
        port: req.socket.remotePort,
      });
      const next = answers.shift() ?? 200;
      if (next === 'hang') return;
      const retryAfter = next === 503 ? { 'retry-after': '2' } : {};
      res.writeHead(next, { 'content-type': 'application/json', ...retryAfter });
      res.end(JSON.stringify({ status: next }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/predict`, seen };
}

function context(token: string | undefined) {
  transport = httpTransport(2);
  return { transport, clock: virtualClock(), token, policy };
}

describe('httpTransport', () => {
  it('retries 5xx with the same bytes and the bearer token, on one kept-alive connection', async () => {
    const { url, seen } = await scripted([503, 502]);
    const body = Buffer.from('{"windowId":"w-1"}');
    const outcome = await postJson(url, body, context('secret'));
    expect(outcome).toMatchObject({ ok: true, status: 200, attempts: 3, body: { status: 200 } });
    expect(seen.map((s) => s.body)).toEqual(Array(3).fill('{"windowId":"w-1"}'));
    expect(seen.every((s) => s.authorization === 'Bearer secret')).toBe(true);
    expect(new Set(seen.map((s) => s.port)).size).toBe(1);
  });

  it('passes on the Retry-After header, and the retry waits for it', async () => {
    const { url } = await scripted([503]);
    const clock = virtualClock();
    const ctx = { ...context(undefined), clock, policy: { ...policy, maxMs: 5000 } };
    const outcome = await postJson(url, '{}', { ...ctx, random: () => 0 });
    expect(outcome).toMatchObject({ ok: true, attempts: 2 });
    expect(clock.sleptMs).toBe(2000);
    expect((await transport!.post(url, '{}', {}, 1000)).retryAfter).toBeUndefined();
  });

  it('does not retry a 4xx', async () => {
    const { url, seen } = await scripted([422]);
    const outcome = await postJson(url, '{}', context(undefined));
    expect(outcome).toMatchObject({ ok: false, status: 422, attempts: 1 });
    expect(seen[0]!.authorization).toBeUndefined();
  });

  it('times out a request that gets no answer and retries it', async () => {
    const { url, seen } = await scripted(['hang']);
    const ctx = { ...context(undefined), policy: { ...policy, timeoutMs: 200 } };
    const outcome = await postJson(url, '{}', ctx);
    expect(outcome).toMatchObject({ ok: true, attempts: 2 });
    expect(seen).toHaveLength(2);
  });

  it('names the socket error when nothing listens', async () => {
    const { url } = await scripted([]);
    server!.close();
    const ctx = { ...context(undefined), policy: { ...policy, retries: 1 } };
    const outcome = await postJson(url, '{}', ctx);
    expect(outcome).toMatchObject({
      ok: false,
      status: undefined,
      attempts: 2,
      error: 'ECONNREFUSED',
    });
  });
});
