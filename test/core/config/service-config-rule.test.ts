import { describe, expect, it } from 'vitest';
import { EnvError } from '../../../core/src/config/env-error.js';
import { loadConfig as loadMonitoringConfig } from '../../../monitoring-service/src/config.js';
import { loadConfig as loadPredictionConfig } from '../../../prediction-service/src/config.js';
import { defaultStackConfig } from '../../../stack/src/stack-config.js';

const loaders = {
  'prediction-service': { load: loadPredictionConfig, defaultPort: 9696 },
  'monitoring-service': { load: loadMonitoringConfig, defaultPort: 8085 },
};

describe('the environment rule shared by both services', () => {
  for (const [service, { load, defaultPort }] of Object.entries(loaders)) {
    it(`${service}: PORT='' is unset, so the default port applies`, () => {
      expect(load({ PORT: '' }).port).toBe(defaultPort);
    });

    it(`${service}: AUTH_TOKEN='' leaves the service open`, () => {
      expect(load({ AUTH_TOKEN: '' }).authToken).toBeUndefined();
    });

    it(`${service}: PORT=abc is an EnvError naming PORT`, () => {
      expect(() => load({ PORT: 'abc' })).toThrow(EnvError);
      expect(() => load({ PORT: 'abc' })).toThrow(/PORT must be an integer .*got "abc"/);
    });
  }

  it('the local stack reads empty variables as unset too', () => {
    const config = defaultStackConfig({ MONITORING_PORT: '', AUTH_TOKEN: '' }, false);
    expect(config.ports.monitoring).toBe(8085);
    expect(config.authToken).toBe('driftwatch-local-only');
    expect(() => defaultStackConfig({ PROMETHEUS_PORT: 'abc' }, false)).toThrow(EnvError);
  });
});
