import { checkedRotation, type Mat3, rotationFromDegrees, type Vec3 } from './rotation.js';

/** Sensor rotation as Euler angles in degrees about the sensor's own axes (Z-Y-X order). */
export interface EulerDegrees {
  readonly yawDeg: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
}

/**
 * Drift knobs as given by a caller; every field is optional and its default means "no drift".
 * Output = gain · (true reading + the person's own bias and noise) + bias + extra noise.
 */
export interface SensorDriftInput {
  /** Added to each accelerometer axis, g. Default [0, 0, 0]. */
  readonly accelBiasG?: Vec3;
  /** Multiplies each accelerometer axis (one number: all three). Default 1. */
  readonly accelGain?: number | Vec3;
  /** Added to each gyroscope axis, deg/s. Default [0, 0, 0]. */
  readonly gyroBiasDps?: Vec3;
  /** Multiplies each gyroscope axis. Default 1. */
  readonly gyroGain?: number | Vec3;
  /**
   * The sensor turned on the strap: a rotation matrix (9 numbers, row-major, columns = the new
   * sensor axes in the old sensor frame) or Euler angles. Default identity.
   */
  readonly rotation?: EulerDegrees | readonly number[];
  /** Sensor worn on the left forearm: mirrored frame, one-arm exercises swap roles. Default false. */
  readonly wrongArm?: boolean;
  /** Multiplies every tempo and cadence (1.2 = 20 % faster). Default 1. */
  readonly tempoScale?: number;
  /** Extra white noise, standard deviation per sample: g and deg/s. Default 0. */
  readonly extraAccelNoiseG?: number;
  readonly extraGyroNoiseDps?: number;
  /**
   * The device really samples at this rate (with its own anti-alias filter) and its samples are
   * linearly interpolated to 50 Hz. Must be in (0, 50]. Default 50: no resampling.
   */
  readonly deviceSampleRateHz?: number;
}

/** Drift knobs with every default filled in and checked. */
export interface SensorDrift {
  readonly accelBiasG: Vec3;
  readonly accelGain: Vec3;
  readonly gyroBiasDps: Vec3;
  readonly gyroGain: Vec3;
  readonly rotation: Mat3;
  readonly wrongArm: boolean;
  readonly tempoScale: number;
  readonly extraAccelNoiseG: number;
  readonly extraGyroNoiseDps: number;
  readonly deviceSampleRateHz: number;
}

function vec(value: number | Vec3 | undefined, fallback: number, name: string): Vec3 {
  const v: Vec3 =
    value === undefined
      ? [fallback, fallback, fallback]
      : typeof value === 'number'
        ? [value, value, value]
        : value;
  if (v.length !== 3 || !v.every(Number.isFinite)) {
    throw new RangeError(`resolveDrift requires ${name} to be a finite number or three of them`);
  }
  return [v[0], v[1], v[2]];
}

function nonNegative(
  value: number | undefined,
  fallback: number,
  name: string,
  positive = false,
): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0 || (positive && v === 0)) {
    throw new RangeError(
      `resolveDrift requires ${name} to be a ${positive ? 'positive' : 'non-negative'} finite number, got ${v}`,
    );
  }
  return v;
}

function rotationOf(input: SensorDriftInput['rotation']): Mat3 {
  if (input === undefined) return rotationFromDegrees([0, 0, 0]);
  if (Array.isArray(input)) return checkedRotation(input, 'resolveDrift');
  const e = input as EulerDegrees;
  const angles: Vec3 = [e.yawDeg, e.pitchDeg, e.rollDeg];
  if (!angles.every(Number.isFinite))
    throw new RangeError('resolveDrift requires finite rotation angles');
  return rotationFromDegrees(angles);
}

/**
 * Fills in the defaults (no drift) and checks every knob. Throws RangeError naming the knob
 * and the requirement. O(1).
 */
export function resolveDrift(input: SensorDriftInput = {}): SensorDrift {
  const deviceSampleRateHz = nonNegative(input.deviceSampleRateHz, 50, 'deviceSampleRateHz', true);
  if (deviceSampleRateHz > 50) {
    throw new RangeError(
      `resolveDrift requires deviceSampleRateHz ≤ 50, got ${deviceSampleRateHz}`,
    );
  }
  return {
    accelBiasG: vec(input.accelBiasG, 0, 'accelBiasG'),
    accelGain: vec(input.accelGain, 1, 'accelGain'),
    gyroBiasDps: vec(input.gyroBiasDps, 0, 'gyroBiasDps'),
    gyroGain: vec(input.gyroGain, 1, 'gyroGain'),
    rotation: rotationOf(input.rotation),
    wrongArm: input.wrongArm ?? false,
    tempoScale: nonNegative(input.tempoScale, 1, 'tempoScale', true),
    extraAccelNoiseG: nonNegative(input.extraAccelNoiseG, 0, 'extraAccelNoiseG'),
    extraGyroNoiseDps: nonNegative(input.extraGyroNoiseDps, 0, 'extraGyroNoiseDps'),
    deviceSampleRateHz,
  };
}
