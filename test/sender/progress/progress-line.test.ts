import { describe, expect, it } from 'vitest';
import { formatDrift, statusOf } from '../../../sender/src/progress/drift-status.js';
import { ProgressLine, progressText } from '../../../sender/src/progress/progress-line.js';
import { SenderStats } from '../../../sender/src/progress/sender-stats.js';

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (text: string) => void chunks.push(text) };
}

describe('progressText', () => {
  it('shows counts, rate, latency, labels, the scenario and the monitor’s drift status', () => {
    const stats = new SenderStats();
    // Two requests of 10 windows in the last 5 s, one of them with 2 failures.
    const request = { attempts: 1, answered: true, error: undefined };
    stats.recordRequest(9_000, { ...request, windows: 10, acknowledged: 10, latencyMs: 4 });
    stats.recordRequest(9_500, { ...request, windows: 10, acknowledged: 8, latencyMs: 40 });
    stats.sent = 20;
    stats.labelsSent = 7;
    stats.active = ['sensor-bias 40%', 'noise'];
    const drift = statusOf(200, {
      dataset: { drifted: true, driftedFeatures: 38, totalFeatures: 65 },
      prediction: { drifted: true },
      classification: { accuracy: 0.412 },
    });
    expect(progressText(stats, 10_000, 42.4, drift)).toBe(
      '42s | sent 20 | ack 18 | failed 2 | 3.6 w/s | p50 4.0 ms p99 40.0 ms | labels 7 | ' +
        'scenario sensor-bias 40% + noise | monitor drift (38/65 features, prediction drift, acc 0.41)',
    );
  });

  it('names the monitor’s state when there is no report', () => {
    expect(formatDrift(statusOf(undefined, undefined))).toBe('unreachable');
    expect(formatDrift(statusOf(404, 'not yet'))).toBe('no report yet');
    expect(formatDrift(statusOf(503, ''))).toBe('HTTP 503');
  });
});

describe('ProgressLine', () => {
  it('redraws one line in place on a terminal and ends it with a newline', () => {
    const output = capture(true);
    const line = new ProgressLine(output, 10_000);
    line.render('a', 0);
    line.render('b', 100);
    line.finish('done');
    expect(output.chunks).toEqual(['\r\x1b[2Ka', '\r\x1b[2Kb', '\r\x1b[2Kdone\n']);
  });

  it('prints plain lines at most once per period elsewhere', () => {
    const output = capture(false);
    const line = new ProgressLine(output, 10_000);
    for (const ms of [0, 1_000, 9_999, 10_000, 15_000, 20_001]) line.render(`t${ms}`, ms);
    line.finish('done');
    expect(output.chunks).toEqual(['t0\n', 't10000\n', 't20001\n', 'done\n']);
  });
});
