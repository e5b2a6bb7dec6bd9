import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AMTOOL, runCommand, skipReason } from './promtool.js';
import { PROMETHEUS_DIR, readYaml } from './repo-paths.js';

const configSchema = z.object({
  route: z.object({
    receiver: z.string(),
    group_by: z.array(z.string()),
    routes: z.array(z.object({ receiver: z.string() })).optional(),
  }),
  receivers: z.array(
    z.object({
      name: z.string(),
      webhook_configs: z.array(
        z.object({
          url: z.string(),
          send_resolved: z.boolean(),
          http_config: z
            .object({ authorization: z.object({ credentials_file: z.string() }) })
            .optional(),
        }),
      ),
    }),
  ),
});

const amtool = AMTOOL ?? 'amtool';

describe.skipIf(AMTOOL === null)(
  `amtool on the Alertmanager configs${skipReason(AMTOOL, 'amtool', 'prometheus-alertmanager')}`,
  () => {
    it.each(['alertmanager.yml', 'alertmanager.local.yml'])('accepts %s', (config) => {
      const result = runCommand(amtool, ['check-config', config], PROMETHEUS_DIR);
      expect(result.status, result.output).toBe(0);
    });
  },
);

describe('Alertmanager routing', () => {
  it.each([
    ['prometheus/alertmanager.yml', 'http://monitoring-service:8085/v1/alerts'],
    ['prometheus/alertmanager.local.yml', 'http://127.0.0.1:8085/v1/alerts'],
  ])('%s sends every alert, resolved too, to %s', (path, url) => {
    const config = configSchema.parse(readYaml(path));
    expect(config.route.group_by).toEqual(['alertname', 'dataset']);
    const receiverNames = [config.route, ...(config.route.routes ?? [])].map((r) => r.receiver);
    for (const name of receiverNames) {
      const receiver = config.receivers.find((r) => r.name === name);
      expect(receiver?.webhook_configs).toEqual([
        expect.objectContaining({ url, send_resolved: true }),
      ]);
    }
  });

  it('authenticates the compose webhook with a bearer token file', () => {
    const config = configSchema.parse(readYaml('prometheus/alertmanager.yml'));
    const webhook = config.receivers[0]?.webhook_configs[0];
    expect(webhook?.http_config?.authorization.credentials_file).toBe(
      '/alertmanager/service-token',
    );
  });
});
