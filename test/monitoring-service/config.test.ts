import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../monitoring-service/src/config.js';

describe('loadConfig', () => {
  it('falls back to the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8085,
      authToken: undefined,
      mongodbUri: undefined,
      logLevel: 'info',
    });
    expect(config.datasetsConfig).toMatch(/monitoring-service\/config\/datasets\.yaml$/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ AUTH_TOKEN: '', PORT: '' })).toMatchObject({
      authToken: undefined,
      port: 8085,
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ MONGODB_URI: 'http://x' })).toThrow(/MONGODB_URI/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('is frozen', () => {
    const config = loadConfig({ RETENTION_HOURS: '2' });
    expect(config.retention.maxAgeMs).toBe(7_200_000);
    expect(Object.isFrozen(config) && Object.isFrozen(config.retention)).toBe(true);
  });
});
