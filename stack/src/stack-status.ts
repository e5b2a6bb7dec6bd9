/**
 * The launcher's periodic status line: how long the stack has run, the sender's own progress
 * line (traffic, scenario, the monitoring service's drift verdict) and the alerts firing in
 * Prometheus.
 */
import type { Output } from '@driftwatch/sender';
import { formatSeconds } from './demo-traffic.js';

/** What the sender writes before redrawing its line on a terminal. */
const ERASE_LINE = '\r\x1b[2K';

/** Keeps the sender's latest progress line instead of printing it. */
export class LatestLine implements Output {
  // Claiming a terminal makes the sender render every second, so the line is always fresh.
  readonly isTTY = true;
  private text = 'sender starting';

  write(chunk: string): void {
    const line = chunk.replaceAll(ERASE_LINE, '').trim();
    if (line !== '') this.text = line;
  }

  latest(): string {
    return this.text;
  }
}

const alertsResponse = (body: unknown): { labels: { alertname?: string }; state: string }[] =>
  (body as { data?: { alerts?: [] } }).data?.alerts ?? [];

/** Number of firing alerts per alert name in Prometheus, or null when it does not answer. */
export async function firingAlertCounts(
  prometheusUrl: string,
): Promise<Map<string, number> | null> {
  try {
    const res = await fetch(`${prometheusUrl}/api/v1/alerts`, {
      signal: AbortSignal.timeout(2000),
    });
    const counts = new Map<string, number>();
    for (const alert of alertsResponse(await res.json())) {
      if (alert.state !== 'firing') continue;
      const name = alert.labels.alertname ?? '?';
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return counts;
  } catch {
    return null;
  }
}

/** `none`, `DatasetDriftDetected, FeatureDriftHigh x12`, or why Prometheus did not say. */
export function describeFiring(counts: ReadonlyMap<string, number> | null): string {
  if (counts === null) return 'Prometheus not answering';
  if (counts.size === 0) return 'none';
  return [...counts].map(([name, n]) => (n > 1 ? `${name} x${n}` : name)).join(', ');
}

const DELIVERED = /^monitoring_alerts_received_total\{([^}]*)\} ([0-9.e+]+)$/;

/**
 * Alertmanager notifications the monitoring service received (`alertname/status` → count),
 * read from its /metrics; null when it does not answer.
 */
export async function deliveredAlerts(monitoringUrl: string): Promise<Map<string, number> | null> {
  try {
    const res = await fetch(`${monitoringUrl}/metrics`, { signal: AbortSignal.timeout(2000) });
    const counts = new Map<string, number>();
    for (const line of (await res.text()).split('\n')) {
      const match = DELIVERED.exec(line);
      if (!match) continue;
      const labels = Object.fromEntries(
        [...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
      );
      const key = `${labels.alertname}/${labels.status}`;
      counts.set(key, (counts.get(key) ?? 0) + Number(match[2]));
    }
    return counts;
  } catch {
    return null;
  }
}

export function statusText(elapsedS: number, sender: string, alerts: string | undefined): string {
  const parts = [`[stack ${formatSeconds(elapsedS)}]`, sender];
  if (alerts !== undefined) parts.push(`alerts firing: ${alerts}`);
  return parts.join(' | ');
}
