import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/src/random/prng.js';
import { fetchTransport } from '../../../sender/src/transport/http-transport.js';
import { postJson } from '../../../sender/src/transport/post-json.js';
import { virtualClock } from '../helpers/virtual-clock.js';

const policy = { retries: 3, baseMs: 100, maxMs: 1000, timeoutMs: 1000 };

function scripted(answers: (number | 'network')[], headers: Record<string, string> = {}) {
  const bodies: string[] = [];
  const fetchFn = (async (_url: string, init: RequestInit) => {
    bodies.push(String(init.body));
    const next = answers.shift() ?? 200;
    if (next === 'network') throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    return new Response(JSON.stringify({ ok: next }), { status: next, headers });
  }) as typeof fetch;
  return { fetchFn, bodies };
}

describe('postJson', () => {
  it('retries 5xx and network errors with the very same body', async () => {
    const { fetchFn, bodies } = scripted([503, 'network', 200]);
    const clock = virtualClock();
    const outcome = await postJson('http://x/predict', '{"windowId":"w-1"}', {
      transport: fetchTransport(fetchFn),
      clock,
      token: 't',
      policy,
      random: createRng(3).next,
    });
    expect(outcome).toMatchObject({ ok: true, status: 200, attempts: 3 });
    expect(bodies).toEqual(Array(3).fill('{"windowId":"w-1"}'));
    // Full jitter: the two waits lie in [0, 100) and [0, 200).
    expect(clock.sleptMs).toBeGreaterThan(0);
    expect(clock.sleptMs).toBeLessThan(100 + 200);
  });

  it('waits at least as long as Retry-After asks, up to the policy maximum', async () => {
    const asked = scripted([503, 200], { 'retry-after': '1' });
    const clock = virtualClock();
    const ctx = { transport: fetchTransport(asked.fetchFn), clock, token: undefined, policy };
    const roomy = { ...policy, maxMs: 5000 };
    expect(
      await postJson('http://x', '{}', { ...ctx, policy: roomy, random: () => 0 }),
    ).toMatchObject({
      ok: true,
      attempts: 2,
    });
    expect(clock.sleptMs).toBe(1000);
    const tooLong = scripted([429, 200], { 'retry-after': '3600' });
    const capped = virtualClock();
    await postJson('http://x', '{}', {
      ...ctx,
      transport: fetchTransport(tooLong.fetchFn),
      clock: capped,
      random: () => 0,
    });
    expect(capped.sleptMs).toBe(policy.maxMs);
  });

  it('does not retry a 400', async () => {
    const { fetchFn, bodies } = scripted([400]);
    const outcome = await postJson('http://x', '{}', {
      transport: fetchTransport(fetchFn),
      clock: virtualClock(),
      token: undefined,
      policy,
    });
    expect(outcome).toMatchObject({ ok: false, status: 400, attempts: 1 });
    expect(bodies).toHaveLength(1);
  });

  it('gives up after the configured retries and says why', async () => {
    const { fetchFn } = scripted(['network', 'network', 'network', 'network', 'network']);
    const outcome = await postJson('http://x', '{}', {
      transport: fetchTransport(fetchFn),
      clock: virtualClock(),
      token: undefined,
      policy,
    });
    expect(outcome).toMatchObject({
      ok: false,
      status: undefined,
      attempts: 4,
      error: 'ECONNRESET',
    });
  });
});
