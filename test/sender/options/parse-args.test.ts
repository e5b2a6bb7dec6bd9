import { describe, expect, it } from 'vitest';
import { OptionError, parseCommand, type SenderOptions } from '../../../sender/src/index.js';

function options(argv: string[], env = {}): SenderOptions {
  const command = parseCommand(argv, env);
  if (command.kind !== 'run') throw new Error(`expected a run, got ${command.kind}`);
  return command.options;
}

function problem(argv: string[]): OptionError {
  try {
    parseCommand(argv);
  } catch (error) {
    if (error instanceof OptionError) return error;
    throw error;
  }
  throw new Error('expected an OptionError');
}

describe('parseCommand', () => {
  it('takes the URLs and token from the environment when no option names them', () => {
    const o = options([], {
      PREDICTION_URL: 'http://p:1/',
      MONITORING_URL: 'http://m:2',
      AUTH_TOKEN: 't',
    });
    expect(o).toMatchObject({
      predictionUrl: 'http://p:1',
      monitoringUrl: 'http://m:2',
      token: 't',
    });
  });

  it('derives the speed from --rate and --devices', () => {
    const o = options(['--rate', '10', '--devices', '5']);
    expect(o.devices).toBe(5);
    expect((o.devices * o.speed * 50) / 151).toBeCloseTo(10, 9);
  });

  it('parses scenarios with onset and ramp in time or windows', () => {
    const [a, b] = options([
      '--scenario',
      'sensor-bias@90s+2m',
      '--scenario',
      'concept@200',
    ]).scenarios;
    expect(a).toMatchObject({ start: { seconds: 90 }, ramp: { seconds: 120 } });
    expect(b).toMatchObject({ start: { windows: 200 }, ramp: undefined });
  });

  it('parses fixed and ranged label delays', () => {
    expect(options(['--label-delay', '30s']).labelDelay).toEqual({ minS: 30, maxS: 30 });
    expect(options(['--label-delay', '10s..1m']).labelDelay).toEqual({ minS: 10, maxS: 60 });
  });

  it.each([
    [['--rate', 'fast'], '--rate'],
    [['--count', '0'], '--count'],
    [['--count', '5', '--duration', '1m'], '--count'],
    [['--scenario', 'meteor'], '--scenario'],
    [['--labels', 'later'], '--labels'],
    [['--label-delay', '60s..10s'], '--label-delay'],
    [['--label-fraction', '1.5'], '--label-fraction'],
    [['--prediction-url', 'ftp://x'], '--prediction-url'],
    [['--rate', '5', '--devices', '2', '--speed', '3'], '--rate'],
    [['--replay', 'x.csv', '--devices', '2'], '--devices'],
    [['--frobnicate'], '--frobnicate'],
  ])('rejects %j naming %s', (argv, option) => {
    const error = problem(argv);
    expect(error.option).toBe(option);
    expect(error.message.startsWith(option)).toBe(true);
  });
});
