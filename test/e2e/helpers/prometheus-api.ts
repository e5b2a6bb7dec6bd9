/** The few Prometheus and metrics reads the end-to-end test makes. */
import { parsePrometheusText } from '../../monitoring-service/helpers/prometheus-text.js';

/**
 * Only ends a read that hangs: a busy machine has taken over 5 s to answer one, which is no
 * failure of the stack. How long the test waits for a result is bounded by its own deadlines.
 */
const READ_TIMEOUT_MS = 30_000;

interface QueryResponse {
  status: string;
  error?: string;
  data?: { resultType: string; result: unknown[] };
}

/** Instant query; resolves to the number of series (or 1 for a scalar), throws on an error. */
export async function querySeriesCount(prometheusUrl: string, expr: string): Promise<number> {
  const url = `${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
  const body = (await res.json()) as QueryResponse;
  if (body.status !== 'success' || !body.data) {
    throw new Error(`query failed (${res.status}): ${body.error ?? 'no data'}: ${expr}`);
  }
  return body.data.resultType === 'scalar' ? 1 : body.data.result.length;
}

export interface AlertState {
  alertname: string;
  state: string;
  labels: Record<string, string>;
}

export async function prometheusAlerts(prometheusUrl: string): Promise<AlertState[]> {
  const res = await fetch(`${prometheusUrl}/api/v1/alerts`, {
    signal: AbortSignal.timeout(READ_TIMEOUT_MS),
  });
  const body = (await res.json()) as {
    data: { alerts: { labels: Record<string, string>; state: string }[] };
  };
  return body.data.alerts.map((a) => ({
    alertname: a.labels.alertname ?? '',
    state: a.state,
    labels: a.labels,
  }));
}

/** Webhook notifications the monitoring service counted, by `alertname/status`. */
export async function alertsReceived(monitoringUrl: string): Promise<Map<string, number>> {
  const res = await fetch(`${monitoringUrl}/metrics`, {
    signal: AbortSignal.timeout(READ_TIMEOUT_MS),
  });
  const counts = new Map<string, number>();
  for (const s of parsePrometheusText(await res.text())) {
    if (s.name !== 'monitoring_alerts_received_total') continue;
    const key = `${s.labels.alertname}/${s.labels.status}`;
    counts.set(key, (counts.get(key) ?? 0) + s.value);
  }
  return counts;
}

/** Polls `check` every `everyMs` until it returns a value other than undefined or time is up. */
export async function pollUntil<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 500,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return undefined;
}
