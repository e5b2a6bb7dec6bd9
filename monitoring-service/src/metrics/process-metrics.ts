/**
 * prom-client's Node.js process metrics, less the three gauges whose `_total` suffix breaks the
 * Prometheus naming rules (`promtool check metrics` rejects them).
 */
import { collectDefaultMetrics } from 'prom-client';
import type { Registry } from 'prom-client';

const MISNAMED_GAUGES = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

export function collectProcessMetrics(registry: Registry): void {
  collectDefaultMetrics({ register: registry });
  for (const name of MISNAMED_GAUGES) registry.removeSingleMetric(name);
}
