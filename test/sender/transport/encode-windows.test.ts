import { describe, expect, it } from 'vitest';
import { SENSOR_SIGNALS, type SensorSignals } from '../../../core/src/simulator/index.js';
import type { OutgoingWindow } from '../../../sender/src/traffic/outgoing-window.js';
import { encodePredictBody } from '../../../sender/src/transport/encode-windows.js';

function window(n: number, signals: SensorSignals): OutgoingWindow {
  return {
    index: n,
    windowId: `r1-d0-${n}`,
    deviceId: 'device-0',
    dueS: 3.02,
    timestamp: '2026-01-01T00:00:00.000Z',
    label: 'Run',
    signals,
    active: [],
  };
}

function signalsOf(first: number): SensorSignals {
  const signals = {} as SensorSignals;
  SENSOR_SIGNALS.forEach((name, i) => {
    signals[name] = Float64Array.from([first + i, 0.1 + i / 3, -2e-7]);
  });
  return signals;
}

function plain(signals: SensorSignals): Record<string, number[]> {
  return Object.fromEntries(SENSOR_SIGNALS.map((name) => [name, [...signals[name]]]));
}

describe('encodePredictBody', () => {
  it('encodes one window as the window itself, numbers exactly', () => {
    const signals = signalsOf(1);
    const body = JSON.parse(encodePredictBody([window(0, signals)], false).toString());
    expect(body).toEqual({
      windowId: 'r1-d0-0',
      deviceId: 'device-0',
      timestamp: '2026-01-01T00:00:00.000Z',
      signals: plain(signals),
    });
  });

  it('encodes several windows as { windows }, labels only when inline', () => {
    const a = signalsOf(1);
    const b = signalsOf(5);
    const body = JSON.parse(encodePredictBody([window(0, a), window(1, b)], true).toString());
    expect(body.windows).toHaveLength(2);
    expect(body.windows[1]).toMatchObject({ windowId: 'r1-d0-1', label: 'Run', signals: plain(b) });
  });

  it('gives the same bytes when a window is sent again under another id', () => {
    const signals = signalsOf(2);
    const first = encodePredictBody([window(0, signals)], false).toString();
    const again = encodePredictBody([window(9, signals)], false).toString();
    expect(again).toBe(first.replace('r1-d0-0', 'r1-d0-9'));
  });
});
