/** The launcher's start-up banner: every URL worth opening and how to authenticate. */
import { relative } from 'node:path';
import type { SenderOptions } from '@driftwatch/sender';
import { stackPaths } from './process-specs.js';
import type { StackConfig } from './stack-config.js';

export const INSTALL_HINT =
  'apt-get install prometheus prometheus-alertmanager (Debian/Ubuntu), then npm start again';

export function whereToLook(c: StackConfig, sender: SenderOptions, traffic: string): string {
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const dir = relative(process.cwd(), c.dataDir) || '.';
  const lines = [
    '',
    'Driftwatch local stack is running',
    `  prediction    ${local(c.ports.prediction)}  POST /predict, GET /metrics`,
    `  monitoring    ${local(c.ports.monitoring)}  GET /metrics`,
    `  drift report  ${local(c.ports.monitoring)}/v1/datasets/${sender.dataset}/report.html  (JSON: …/report)`,
  ];
  if (c.binaries) {
    lines.push(
      `  Prometheus    ${local(c.ports.prometheus)}/alerts  (queries: /graph, targets: /targets)`,
      `  Alertmanager  ${local(c.ports.alertmanager)}  (alerts go to the monitoring service's /v1/alerts)`,
    );
  } else {
    lines.push(`  Prometheus    not running; to get alerts: ${INSTALL_HINT}`);
  }
  lines.push(
    `  token         ${c.authToken}  (Authorization: Bearer … on write routes; loopback only)`,
    `  traffic       ${traffic}`,
    `  data, logs    ${dir}/, ${relative(process.cwd(), stackPaths(c.dataDir).logs)}/`,
    'Status every 10 s below. Ctrl-C stops everything.',
    '',
  );
  return lines.join('\n');
}
