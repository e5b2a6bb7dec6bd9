import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../../core/src/drift/report-types.js';
import { type ServiceProcess, startService, writeToyDatasets } from '../helpers/service-process.js';

const event = (i: number) => ({
  eventId: `e${i}`,
  timestamp: '2024-05-01T12:00:00Z',
  features: { f1: (i % 7) / 3, f2: (i % 5) / 5, f3: (i % 11) / 4 },
  prediction: i % 3 === 0 ? 'curl' : 'walk',
  ...(i % 2 === 0 ? { label: 'walk' } : {}),
});

async function postEvents(service: ServiceProcess, from: number, count: number) {
  const events = Array.from({ length: count }, (_, i) => event(from + i));
  const res = await fetch(`${service.url}/v1/datasets/toy/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, number> };
}

// Child processes start slowly on a busy CI machine: each test may wait for one or two start-ups.
describe('monitoring service process', { timeout: 150_000 }, () => {
  let dir = '';
  const running: ServiceProcess[] = [];
  afterEach(async () => {
    for (const service of running.splice(0)) {
      if (service.child.exitCode === null && service.child.signalCode === null)
        service.child.kill('SIGKILL');
      await service.exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const start = async () => {
    const env = { DATA_DIR: join(dir, 'data'), DATASETS_CONFIG: await writeToyDatasets(dir) };
    const service = await startService(env);
    running.push(service);
    return service;
  };

  it('keeps every acknowledged event across kill -9 and a restart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'monitoring-crash-'));
    const first = await start();
    const acks = await Promise.all([
      postEvents(first, 0, 30),
      postEvents(first, 30, 30),
      postEvents(first, 60, 15),
    ]);
    expect(acks.map((a) => [a.status, a.body.stored])).toEqual([
      [200, 30],
      [200, 30],
      [200, 15],
    ]);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = await start();
    const res = await fetch(`${second.url}/v1/datasets/toy/report`);
    const report = (await res.json()) as DriftReport;
    expect(report.rows.current).toBe(75);
    expect(report.classification?.labels).toContain('walk');
    const metrics = await (await fetch(`${second.url}/metrics`)).text();
    expect(metrics).toMatch(/drift_window_events\{dataset="toy",window="current"\} 75/);
    expect(metrics).toMatch(/drift_window_events\{dataset="toy",window="labeled"\} 38/);
    const resent = await postEvents(second, 0, 75);
    expect(resent.body).toEqual({ accepted: 75, stored: 0, duplicates: 75 });
  });

  it('shuts down cleanly on SIGTERM', async () => {
    dir = await mkdtemp(join(tmpdir(), 'monitoring-term-'));
    const service = await start();
    expect((await postEvents(service, 0, 5)).status).toBe(200);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(service.output()).toMatch(/shutting down/);
  });

  it('refuses to start on an invalid datasets file, naming the field', async () => {
    dir = await mkdtemp(join(tmpdir(), 'monitoring-badconfig-'));
    const env = {
      DATA_DIR: join(dir, 'data'),
      DATASETS_CONFIG: await writeToyDatasets(dir, { alpha: 7 }),
    };
    await expect(startService(env)).rejects.toThrow(/datasets\[0\]\.alpha/);
  });
});
