/**
 * Real processes: the prediction service (main.ts) forwarding to the real monitoring service,
 * under steady traffic, while one or the other is stopped. Afterwards every window answered with
 * 200 must be in monitoring's store exactly once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../monitoring-service/src/store/embedded/embedded-store.js';
import {
  type ServiceProcess,
  startService,
} from '../monitoring-service/helpers/service-process.js';
import { writeExerciseDatasets } from './helpers/exercise-reference.js';
import {
  type PredictionProcess,
  startPrediction,
  stopProcess,
} from './helpers/prediction-process.js';
import { writeTestModel } from './helpers/test-model.js';
import { startTraffic, type Traffic } from './helpers/traffic.js';

const running: (ServiceProcess | PredictionProcess)[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const p of running.splice(0)) await stopProcess(p);
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function setUp() {
  const dir = await mkdtemp(join(tmpdir(), 'prediction-fault-'));
  const model = writeTestModel();
  dirs.push(dir, model.dir);
  const monitoringEnv = {
    DATA_DIR: join(dir, 'monitoring'),
    DATASETS_CONFIG: await writeExerciseDatasets(dir),
    LOG_LEVEL: 'warn',
  };
  const startMonitoring = async (port = '0') => {
    const service = await startService({ ...monitoringEnv, PORT: port, LOG_LEVEL: 'info' });
    running.push(service);
    return service;
  };
  const monitoring = await startMonitoring();
  const predictionEnv = {
    DATA_DIR: join(dir, 'prediction'),
    MODEL_PATH: model.cardPath,
    MONITORING_URL: monitoring.url,
    FORWARD_LINGER_MS: '200',
    FORWARD_BATCH_EVENTS: '1000',
    FORWARD_BACKOFF_BASE_MS: '50',
    FORWARD_BACKOFF_MAX_MS: '400',
    LOG_LEVEL: 'warn',
  };
  const startPredictionService = async () => {
    const service = await startPrediction({ ...predictionEnv, LOG_LEVEL: 'info' });
    running.push(service);
    return service;
  };
  return {
    monitoring,
    startMonitoring,
    startPredictionService,
    monitoringDir: monitoringEnv.DATA_DIR,
  };
}

/** Waits until the prediction service reports an empty outbox. */
async function drained(prediction: PredictionProcess): Promise<void> {
  await expect
    .poll(
      async () => {
        const text = await (await fetch(`${prediction.url}/metrics`)).text();
        return /prediction_forward_queue_events\{[^}]*\} (\d+)/.exec(text)?.[1];
      },
      { timeout: 60_000, interval: 100 },
    )
    .toBe('0');
}

async function storedIds(monitoringDir: string): Promise<string[]> {
  const store = await EmbeddedStore.open({
    dir: monitoringDir,
    retention: { maxAgeMs: 3600_000, maxEventsPerDataset: 10_000_000 },
  });
  try {
    return (await store.recentEvents('exercise_group', 10_000_000)).map((e) => e.eventId);
  } finally {
    await store.close();
  }
}

async function expectStoredOnce(answered: string[], monitoringDir: string): Promise<void> {
  const stored = await storedIds(monitoringDir);
  const counts = new Map<string, number>();
  for (const id of stored) counts.set(id, (counts.get(id) ?? 0) + 1);
  const missing = answered.filter((id) => counts.get(id) !== 1);
  expect(answered.length).toBeGreaterThan(150);
  expect(new Set(answered).size).toBe(answered.length);
  expect(missing).toEqual([]);
}

async function trafficFor(traffic: Traffic, minRequests: number): Promise<void> {
  const target = traffic.requests + minRequests;
  await expect
    .poll(() => traffic.requests, { timeout: 60_000, interval: 20 })
    .toBeGreaterThanOrEqual(target);
}

describe('prediction service with real processes', () => {
  it('delivers every answered window once after monitoring is stopped and restarted', async () => {
    const { monitoring, startMonitoring, startPredictionService, monitoringDir } = await setUp();
    const prediction = await startPredictionService();
    const traffic = startTraffic(() => prediction.url);
    await trafficFor(traffic, 30);
    await stopProcess(monitoring);
    await trafficFor(traffic, 60);
    await sleep(300);
    const restarted = await startMonitoring(new URL(monitoring.url).port);
    await trafficFor(traffic, 30);
    const result = await traffic.stop();
    expect(result.networkErrors).toBe(0);
    expect(Object.keys(result.statuses)).toEqual(['200']);
    await drained(prediction);
    expect(prediction.output()).toMatch(/monitoring unavailable, will retry/);
    await stopProcess(restarted, 'SIGTERM');
    await expectStoredOnce(result.answered, monitoringDir);
  });

  it('delivers every answered window once after the prediction service is killed with SIGKILL', async () => {
    const { monitoring, startMonitoring, startPredictionService, monitoringDir } = await setUp();
    let prediction = await startPredictionService();
    const traffic = startTraffic(() => prediction.url);
    await trafficFor(traffic, 30);
    // Monitoring is down at the kill, so the outbox surely holds answered windows.
    await stopProcess(monitoring);
    await trafficFor(traffic, 30);
    await stopProcess(prediction, 'SIGKILL');
    prediction = await startPredictionService();
    expect(prediction.output()).toMatch(/resuming unacknowledged events/);
    await trafficFor(traffic, 30);
    const restarted = await startMonitoring(new URL(monitoring.url).port);
    await trafficFor(traffic, 30);
    const result = await traffic.stop();
    expect(Object.keys(result.statuses)).toEqual(['200']);
    await drained(prediction);
    await stopProcess(restarted, 'SIGTERM');
    await expectStoredOnce(result.answered, monitoringDir);
  });
});
