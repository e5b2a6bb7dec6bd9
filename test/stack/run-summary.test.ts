import { describe, expect, it } from 'vitest';
import type { Summary } from '../../sender/src/index.js';
import { AlertTimeline } from '../../stack/src/alert-timeline.js';
import { runSummary } from '../../stack/src/run-summary.js';

const sender = {
  sent: 1200,
  acknowledged: 1198,
  durationS: 305,
  windowsPerSecond: 3.93,
  labelsSent: 1100,
  drift: { state: 'drift', driftedFeatures: 40, totalFeatures: 65 },
} as Summary;

describe('AlertTimeline', () => {
  it('keeps when each alert was first and last seen firing, in order of first firing', () => {
    const timeline = new AlertTimeline();
    timeline.observe(10, new Map());
    timeline.observe(200, new Map([['FeatureDriftHigh', 1]]));
    timeline.observe(
      210,
      new Map([
        ['DatasetDriftDetected', 1],
        ['FeatureDriftHigh', 3],
      ]),
    );
    timeline.observe(220, new Map([['DatasetDriftDetected', 1]]));
    expect(timeline.list()).toEqual([
      { alertname: 'FeatureDriftHigh', firstS: 200, lastS: 210, maxCount: 3 },
      { alertname: 'DatasetDriftDetected', firstS: 210, lastS: 220, maxCount: 1 },
    ]);
  });
});

describe('runSummary', () => {
  const base = {
    sender,
    alerts: [{ alertname: 'DatasetDriftDetected', firstS: 190, lastS: 300, maxCount: 1 }],
    delivered: new Map([['DatasetDriftDetected/firing', 2]]),
    exits: new Map<string, number | string>([
      ['monitoring', 0],
      ['prediction', 'SIGKILL'],
    ]),
    dataDir: '.data/stack',
    logsDir: '.data/stack/logs',
    keepData: false,
  };

  it('lists traffic, the verdict, the alerts with their times, how processes ended and the data', () => {
    const text = runSummary(base);
    expect(text).toContain('1198 of 1200 windows acknowledged in 5m05s (3.9/s), 1100 labels sent');
    expect(text).toContain('last verdict  drift (40 of 65 features drifted)');
    expect(text).toContain(
      'DatasetDriftDetected: firing from 3m10s to 5m, 2 notification(s) delivered',
    );
    expect(text).toContain('stopped       monitoring exit 0, prediction SIGKILL');
    expect(text).toContain('.data/stack/, .data/stack/logs/');
    expect(text).toContain('`npm start -- --keep-data` keeps them');
  });

  it('says when no alert fired, when none could be watched, and when data is kept', () => {
    expect(runSummary({ ...base, alerts: [] })).toContain('alerts        none fired');
    expect(runSummary({ ...base, alerts: null })).toContain('not watched');
    expect(runSummary({ ...base, keepData: true })).toContain('kept;');
  });
});
