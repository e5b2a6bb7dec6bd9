/**
 * A drift run that meets a new window shape calibrates it a little per turn of the event loop,
 * so other requests are served meanwhile, and decides exactly as a run that found it cached.
 */
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { computeDriftReport, computeLabelQuality } from '../../../core/src/drift/compute-report.js';
import type { DriftTable } from '../../../core/src/drift/engine-api.js';
import { NullCalibrator } from '../../../core/src/drift/null-calibrator.js';
import { fitReferenceProfile } from '../../../core/src/drift/reference-profile.js';
import { ReportJob } from '../../../monitoring-service/src/jobs/report-job.js';
import { createMetrics } from '../../../monitoring-service/src/metrics/metrics.js';
import { SnapshotPublisher } from '../../../monitoring-service/src/metrics/publish-snapshot.js';
import type { StoredEvent } from '../../../monitoring-service/src/store/store.js';
import { DatasetWindows } from '../../../monitoring-service/src/windows/dataset-windows.js';
import { createRng } from '../../../core/src/random/prng.js';

const random = createRng(11).next;
const reference: DriftTable = {
  rowCount: 600,
  features: { x: Float64Array.from({ length: 600 }, () => random()) },
  prediction: Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? 'a' : 'b')),
  groups: Array.from({ length: 600 }, (_, i) => `g${Math.floor(i / 6)}`),
};
const events: StoredEvent[] = Array.from({ length: 60 }, (_, i) => ({
  eventId: `e${i}`,
  timestamp: '2024-05-01T12:00:00Z',
  features: { x: random() },
  prediction: i % 2 === 0 ? 'a' : 'b',
  metadata: { deviceId: `d${i % 12}` },
  receivedAtMs: i,
}));

function jobWith(calibrator: NullCalibrator): ReportJob {
  const windows = new DatasetWindows(100);
  windows.addEvents(events);
  return new ReportJob({
    dataset: 'd',
    profile: fitReferenceProfile(reference, ['x']),
    calibrator,
    windows,
    minWindowEvents: 50,
    reportOptions: {},
    computeDriftReport,
    computeLabelQuality,
    publisher: new SnapshotPublisher(createMetrics(new Registry())),
    now: () => 0,
    onError: (error) => {
      throw error;
    },
  });
}

describe('ReportJob with a calibrator', () => {
  it('serves other work while it calibrates a new shape, and decides as with a cached one', async () => {
    const profile = fitReferenceProfile(reference, ['x']);
    const calibrator = new NullCalibrator(profile.nullSource!, 4, 60);
    const job = jobWith(calibrator);
    let served = 0;
    const ticker = setInterval(() => served++, 0);
    const outcome = await job.run();
    clearInterval(ticker);
    expect(outcome).toBe('success');
    expect(served).toBeGreaterThan(0);
    const cached = new NullCalibrator(profile.nullSource!, 4, 60);
    cached.calibrationFor(60, 12);
    const again = jobWith(cached);
    expect(await again.run()).toBe('success');
    expect(again.latestReport).toEqual(job.latestReport);
    expect(job.latestReport?.features.x?.decision?.method).not.toBe('ks');
  });
});
