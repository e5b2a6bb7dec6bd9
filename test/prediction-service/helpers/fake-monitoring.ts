/** A stand-in for the monitoring service's events route, on a loopback port of its own. */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { MonitoringEvent } from '../../../prediction-service/src/forward/monitoring-event.js';

export interface FakeMonitoring {
  url: string;
  /** Stored events by eventId: each id once, as the real store keeps them. */
  events: Map<string, MonitoringEvent>;
  /** Every POST received: dataset, authorization header, event count. */
  requests: { dataset: string; authorization: string | undefined; events: number }[];
  /** Events acknowledged, duplicates included. */
  received: number;
  /** Answer every request with this status (stores nothing) while set. */
  failWith: number | undefined;
  close(): Promise<void>;
}

/** `countOnly` keeps counts but no events or request log, for long benchmark runs. */
export async function startFakeMonitoring(port = 0, countOnly = false): Promise<FakeMonitoring> {
  const app = express();
  const fake: Omit<FakeMonitoring, 'url' | 'close'> = {
    events: new Map(),
    requests: [],
    received: 0,
    failWith: undefined,
  };
  app.get('/stats', (_req, res) => {
    res.json({ received: fake.received, stored: fake.events.size });
  });
  app.post('/v1/datasets/:dataset/events', express.json({ limit: '64mb' }), (req, res) => {
    const events = (req.body as { events: MonitoringEvent[] }).events;
    if (countOnly && fake.failWith === undefined) {
      fake.received += events.length;
      res.json({ accepted: events.length, stored: events.length, duplicates: 0 });
      return;
    }
    fake.requests.push({
      dataset: String(req.params.dataset),
      authorization: req.get('authorization'),
      events: events.length,
    });
    if (fake.failWith !== undefined) {
      res.status(fake.failWith).json({ error: 'failing on purpose' });
      return;
    }
    fake.received += events.length;
    let stored = 0;
    for (const event of events) {
      if (fake.events.has(event.eventId)) continue;
      fake.events.set(event.eventId, event);
      stored++;
    }
    res.json({ accepted: events.length, stored, duplicates: events.length - stored });
  });
  const server: Server = app.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
