/**
 * The launcher's closing summary: the traffic sent, the alerts that fired and when, the last
 * drift verdict, how each process ended, and where the run's data and logs are.
 */
import type { Summary } from '@driftwatch/sender';
import type { AlertSpan } from './alert-timeline.js';
import { formatSeconds } from './demo-traffic.js';

export interface RunSummaryInput {
  sender: Summary | Error;
  /** Null when Prometheus did not run. */
  alerts: readonly AlertSpan[] | null;
  /** Webhook notifications the monitoring service received, `alertname/status` → count. */
  delivered: ReadonlyMap<string, number> | null;
  /** How each stack process ended: exit code or signal name. */
  exits: ReadonlyMap<string, number | string>;
  dataDir: string;
  logsDir: string;
  keepData: boolean;
}

export function runSummary(i: RunSummaryInput): string {
  return ['', 'Run summary', ...traffic(i.sender), ...alerts(i), ...ends(i), ...whereData(i)]
    .join('\n')
    .concat('\n');
}

function traffic(sender: Summary | Error): string[] {
  if (sender instanceof Error) return [`  traffic       sender failed: ${sender.message}`];
  const d = sender.drift;
  const verdict =
    d.driftedFeatures !== undefined && d.totalFeatures !== undefined
      ? `${d.state} (${d.driftedFeatures} of ${d.totalFeatures} features drifted)`
      : d.state;
  return [
    `  traffic       ${sender.acknowledged} of ${sender.sent} windows acknowledged in ` +
      `${formatSeconds(sender.durationS)} (${sender.windowsPerSecond.toFixed(1)}/s), ` +
      `${sender.labelsSent} labels sent`,
    `  last verdict  ${verdict}`,
  ];
}

function alerts(i: RunSummaryInput): string[] {
  if (i.alerts === null) return ['  alerts        not watched (Prometheus was not running)'];
  const fired = i.alerts.map((a) => {
    const count = a.maxCount > 1 ? ` (up to ${a.maxCount} at once)` : '';
    const delivered = i.delivered?.get(`${a.alertname}/firing`);
    const webhook = delivered ? `, ${delivered} notification(s) delivered` : '';
    return `    ${a.alertname}: firing from ${formatSeconds(a.firstS)} to ${formatSeconds(a.lastS)}${count}${webhook}`;
  });
  return fired.length > 0
    ? ['  alerts fired (time since start):', ...fired]
    : ['  alerts        none fired'];
}

function ends(i: RunSummaryInput): string[] {
  const parts = [...i.exits].map(([name, how]) => `${name} ${how === 0 ? 'exit 0' : how}`);
  return [`  stopped       ${parts.join(', ')}`];
}

function whereData(i: RunSummaryInput): string[] {
  return [
    `  data, logs    ${i.dataDir}/, ${i.logsDir}/`,
    i.keepData
      ? '                kept; `npm start -- --keep-data` continues from them'
      : '                the next `npm start` starts empty; `npm start -- --keep-data` keeps them',
  ];
}
