/** Steady /predict traffic from a few concurrent clients, recording which windows were answered. */
import { seedWindow } from './windows.js';

export interface TrafficResult {
  /** windowIds of every window in a 200 answer. */
  answered: string[];
  statuses: Record<string, number>;
  /** Requests that got no HTTP answer at all (connection refused or reset). */
  networkErrors: number;
}

export interface Traffic {
  stop(): Promise<TrafficResult>;
  /** Requests answered so far. */
  readonly requests: number;
}

const signals = JSON.stringify(seedWindow().signals);

/**
 * Pause of each client between requests: steady traffic (up to ~150 requests/s from three
 * clients) rather than as fast as the service answers, which only burned both cores for as long
 * as a test waited on a restart.
 */
const PAUSE_MS = 20;

/** Each client alternates a single window without id and a batch of three with client ids. */
export function startTraffic(target: () => string, clients = 3): Traffic {
  const result: TrafficResult = { answered: [], statuses: {}, networkErrors: 0 };
  let running = true;
  let requests = 0;

  async function client(c: number): Promise<void> {
    for (let n = 0; running; n++) {
      const body =
        n % 2 === 0
          ? `{"signals":${signals}}`
          : `{"windows":[${[0, 1, 2].map((k) => `{"windowId":"c${c}-${n}-${k}","signals":${signals}}`).join(',')}]}`;
      try {
        const res = await fetch(`${target()}/predict`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const json = (await res.json()) as { predictions?: { windowId: string }[] };
        requests++;
        result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
        if (res.status === 200)
          for (const p of json.predictions ?? []) result.answered.push(p.windowId);
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      } catch {
        result.networkErrors++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  const loops = Array.from({ length: clients }, (_, c) => client(c));
  return {
    get requests() {
      return requests;
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      return result;
    },
  };
}
