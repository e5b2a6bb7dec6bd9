/** The launcher's traffic: the sender with a baseline, then sensor drift, and delayed labels. */
import {
  DEFAULT_OPTIONS,
  parseScenario,
  type SenderOptions,
  windowsPerSecond,
} from '@driftwatch/sender';
import type { LauncherOptions } from './launcher-options.js';
import type { StackConfig } from './stack-config.js';

export const DEMO_SCENARIO = 'sensor-bias';

export function demoSenderOptions(o: LauncherOptions, c: StackConfig): SenderOptions {
  // The scenario schedule counts simulated time; --drift-after is wall-clock time.
  const onsetS = Math.round(o.driftAfterS * o.speed);
  return {
    ...DEFAULT_OPTIONS,
    predictionUrl: `http://127.0.0.1:${c.ports.prediction}`,
    monitoringUrl: `http://127.0.0.1:${c.ports.monitoring}`,
    token: c.authToken,
    devices: o.devices,
    speed: o.speed,
    scenarios: [parseScenario(`${DEMO_SCENARIO}@${onsetS}s`)],
    labels: 'delayed',
  };
}

export function describeTraffic(s: SenderOptions, o: LauncherOptions): string {
  const delayS = s.labelDelay.minS / s.speed;
  return [
    `${s.devices} devices at speed ${s.speed} (${windowsPerSecond(s).toFixed(1)} windows/s)`,
    `${DEMO_SCENARIO} after ${formatSeconds(o.driftAfterS)}`,
    `labels ${formatSeconds(delayS)} late`,
  ].join(', ');
}

export function formatSeconds(s: number): string {
  const whole = Math.round(s);
  if (whole < 60) return `${whole}s`;
  const rest = whole % 60;
  return `${Math.floor(whole / 60)}m${rest === 0 ? '' : `${String(rest).padStart(2, '0')}s`}`;
}
