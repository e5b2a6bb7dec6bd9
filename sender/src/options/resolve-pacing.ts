/**
 * Rate, devices and speed are tied: rate = devices · speed / 3.02 s (each device completes one
 * 151-sample window per 3.02 simulated seconds). Any two determine the third.
 */
import { OptionError } from '../option-values/option-error.js';
import { DEFAULT_OPTIONS } from './sender-options.js';

const PERIOD_S = 151 / 50;

export interface PacingInput {
  readonly rate: number | undefined;
  readonly devices: number | undefined;
  readonly speed: number | undefined;
}

export function resolvePacing(
  given: PacingInput,
  replay: boolean,
): { devices: number; speed: number } {
  const { rate, devices, speed } = given;
  if (replay) {
    if (devices !== undefined)
      throw new OptionError(
        '--devices',
        'cannot be combined with --replay (one recording, one device)',
      );
    if (rate !== undefined && speed !== undefined) {
      throw new OptionError('--rate', 'and --speed both set the pace of a replay; give one');
    }
    return { devices: 1, speed: speed ?? (rate === undefined ? 1 : rate * PERIOD_S) };
  }
  if (rate !== undefined && devices !== undefined && speed !== undefined) {
    throw new OptionError(
      '--rate',
      'with --devices and --speed over-determines the pace (rate = devices × speed / 3.02 s); give two of them',
    );
  }
  if (rate !== undefined && speed !== undefined) {
    return { devices: Math.max(1, Math.round((rate * PERIOD_S) / speed)), speed };
  }
  const d = devices ?? DEFAULT_OPTIONS.devices;
  if (rate !== undefined) return { devices: d, speed: (rate * PERIOD_S) / d };
  return { devices: d, speed: speed ?? DEFAULT_OPTIONS.speed };
}
