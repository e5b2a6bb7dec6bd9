import { describe, expect, it } from 'vitest';
import { EnvError } from '../../core/src/config/env-error.js';
import { loadConfig } from '../../prediction-service/src/config.js';

describe('loadConfig', () => {
  it('uses the pinned defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 9696,
      monitoringUrl: 'http://localhost:8085',
      modelPath: 'reference-data/model/model-card.json',
      dataset: 'exercise_group',
      windowLengthSamples: 151,
      authToken: undefined,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.forward)).toBe(true);
  });

  it('reads numbers and the token from the environment', () => {
    const config = loadConfig({
      PORT: '1234',
      AUTH_TOKEN: 't',
      FORWARD_BATCH_EVENTS: '32',
      MONITORING_URL: 'http://m:1/',
    });
    expect(config).toMatchObject({ port: 1234, authToken: 't', monitoringUrl: 'http://m:1' });
    expect(config.forward.batchEvents).toBe(32);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', OUTBOX_MAX_EVENTS: '0' })).toThrow(EnvError);
    expect(() => loadConfig({ PORT: 'abc', OUTBOX_MAX_EVENTS: '0' })).toThrow(
      /PORT.*OUTBOX_MAX_EVENTS/,
    );
  });
});
