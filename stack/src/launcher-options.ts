/** `npm start -- [options]`: the launcher's own command line. */
import { parseArgs } from 'node:util';
import { OptionError } from '@driftwatch/sender/option-values/option-error';
import { parseDuration } from '@driftwatch/sender/option-values/parse-duration';

export interface LauncherOptions {
  readonly prometheus: boolean;
  /** Simulated seconds per wall-clock second of the traffic. */
  readonly speed: number;
  readonly devices: number;
  /** Wall-clock seconds of baseline traffic before the sensor drift starts. */
  readonly driftAfterS: number;
  readonly keepData: boolean;
  readonly help: boolean;
}

export const LAUNCHER_HELP = `Usage: npm start -- [options]

Runs the local stack on this machine: monitoring and prediction services (embedded store, data
in .data/stack), Prometheus and Alertmanager when installed, and simulated traffic that drifts.

  --no-prometheus     run without Prometheus and Alertmanager
  --speed X           simulated seconds per wall-clock second (default 1)
  --devices N         simulated wearers sending concurrently (default 200)
  --drift-after D     baseline time before the sensor drift starts, e.g. 90s, 5m (default 3m)
  --keep-data         keep the previous run's events, Prometheus history and logs
                      (default: start empty)
  -h, --help          this text

Environment: PREDICTION_PORT (9696), MONITORING_PORT (8085), PROMETHEUS_PORT (9090),
ALERTMANAGER_PORT (9093); AUTH_TOKEN (default: a fixed local-only token, printed at start);
MODEL_PATH and DATASETS_CONFIG as for the services; STACK_DATA_DIR (default .data/stack).

One Ctrl-C stops the traffic, then every process gracefully (SIGTERM; the prediction service
flushes its outbox first); another Ctrl-C a second or more later kills everything at once.
The end summary lists the traffic, the alerts that fired and when, and the last verdict.
`;

function positive(text: string | undefined, option: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new OptionError(option, `expects a positive number, got "${text}"`);
  }
  return value;
}

/** Throws OptionError naming the option for anything it does not understand. */
export function parseLauncherArgs(argv: readonly string[]): LauncherOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new OptionError('command line:', (error as Error).message.split('. ')[0] ?? '');
  }
  // Each device streams consecutive windows of one person; with few devices a monitoring window
  // holds a handful of people's bouts and KS sees drift in drift-free traffic.
  const devices = positive(values.devices, '--devices', 200);
  if (!Number.isInteger(devices)) throw new OptionError('--devices', 'expects a whole number');
  return {
    prometheus: values['no-prometheus'] !== true,
    speed: positive(values.speed, '--speed', 1),
    devices,
    driftAfterS: parseDuration(values['drift-after'] ?? '3m', '--drift-after'),
    keepData: values['keep-data'] === true,
    help: values.help === true,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      'no-prometheus': { type: 'boolean' },
      speed: { type: 'string' },
      devices: { type: 'string' },
      'drift-after': { type: 'string' },
      'keep-data': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
}
