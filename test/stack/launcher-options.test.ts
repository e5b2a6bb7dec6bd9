import { describe, expect, it } from 'vitest';
import { OptionError } from '../../sender/src/index.js';
import { demoSenderOptions, formatSeconds } from '../../stack/src/demo-traffic.js';
import { parseLauncherArgs } from '../../stack/src/launcher-options.js';
import { defaultStackConfig, LOCAL_TOKEN } from '../../stack/src/stack-config.js';

describe('npm start options', () => {
  it('defaults to Prometheus, speed 1, 200 devices and drift after 3 minutes', () => {
    expect(parseLauncherArgs([])).toEqual({
      prometheus: true,
      speed: 1,
      devices: 200,
      driftAfterS: 180,
      keepData: false,
      help: false,
    });
  });

  it('reads --no-prometheus, --speed, --devices, --drift-after and --keep-data', () => {
    const o = parseLauncherArgs(
      '--no-prometheus --speed 2.5 --devices 10 --drift-after 90s --keep-data'.split(' '),
    );
    expect(o).toMatchObject({ prometheus: false, speed: 2.5, devices: 10, driftAfterS: 90 });
    expect(o.keepData).toBe(true);
  });

  it('rejects unknown options and bad values naming the option', () => {
    expect(() => parseLauncherArgs(['--bogus'])).toThrow(OptionError);
    expect(() => parseLauncherArgs(['--speed', '0'])).toThrow(/--speed/);
    expect(() => parseLauncherArgs(['--devices', '2.5'])).toThrow(/--devices/);
    expect(() => parseLauncherArgs(['--drift-after', 'soon'])).toThrow(/--drift-after/);
  });
});

describe('the demo traffic', () => {
  const config = defaultStackConfig({ MONITORING_PORT: '18085' }, false);

  it('starts the sensor drift at --drift-after of wall-clock time, in simulated seconds', () => {
    const o = demoSenderOptions(
      parseLauncherArgs(['--speed', '2', '--drift-after', '90s']),
      config,
    );
    expect(o.scenarios.map((s) => s.text)).toEqual(['sensor-bias@180s']);
    expect(o.monitoringUrl).toBe('http://127.0.0.1:18085');
    expect(o.predictionUrl).toBe('http://127.0.0.1:9696');
    expect(o.labels).toBe('delayed');
  });

  it('uses the local token unless AUTH_TOKEN is set', () => {
    expect(config.authToken).toBe(LOCAL_TOKEN);
    expect(defaultStackConfig({ AUTH_TOKEN: 's3cret' }, false).authToken).toBe('s3cret');
  });

  it('rejects a port variable that is not a port', () => {
    expect(() => defaultStackConfig({ PROMETHEUS_PORT: '99999' }, true)).toThrow(/PROMETHEUS_PORT/);
  });

  it('formats durations as the status line shows them', () => {
    expect([45, 60, 90, 185].map(formatSeconds)).toEqual(['45s', '1m', '1m30s', '3m05s']);
  });
});
