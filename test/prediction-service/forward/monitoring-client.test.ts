import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMonitoringClient } from '../../../prediction-service/src/forward/monitoring-client.js';
import { type FakeMonitoring, startFakeMonitoring } from '../helpers/fake-monitoring.js';

let monitoring: FakeMonitoring;
beforeEach(async () => {
  monitoring = await startFakeMonitoring();
});
afterEach(async () => {
  await monitoring.close();
});

const client = (url: string) =>
  createMonitoringClient({
    monitoringUrl: url,
    dataset: 'exercise_group',
    authToken: 'tok',
    timeoutMs: 1000,
  });
const batch = ['{"eventId":"a"}', '{"eventId":"b"}'];

describe('monitoring client', () => {
  it('posts the events with the bearer token and reports a 2xx as acknowledged', async () => {
    expect(await client(monitoring.url)(batch)).toEqual({ kind: 'acknowledged' });
    expect([...monitoring.events.keys()]).toEqual(['a', 'b']);
    expect(monitoring.requests[0]).toEqual({
      dataset: 'exercise_group',
      authorization: 'Bearer tok',
      events: 2,
    });
  });

  it.each([500, 503, 429, 408])('retries after HTTP %i', async (status) => {
    monitoring.failWith = status;
    expect((await client(monitoring.url)(batch)).kind).toBe('retry');
  });

  it.each([400, 401, 404, 413])('gives up on HTTP %i', async (status) => {
    monitoring.failWith = status;
    expect(await client(monitoring.url)(batch)).toMatchObject({ kind: 'rejected', status });
  });

  it('retries when nothing listens', async () => {
    const url = monitoring.url;
    await monitoring.close();
    expect((await client(url)(batch)).kind).toBe('retry');
    monitoring = await startFakeMonitoring();
  });
});
