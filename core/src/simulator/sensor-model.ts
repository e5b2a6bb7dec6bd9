import { SIGNAL_NAMES, type SignalName } from '../features/index.js';
import { simulateDeviceRate } from './device-rate.js';
import type { ForearmSignals } from './kinematics.js';
import type { Person } from './person.js';
import { createRng, deriveSeed } from '../random/prng.js';
import { type Mat3, rotationFromDegrees, type Vec3 } from './rotation.js';
import type { SensorDrift } from './sensor-drift.js';

/** Six signals of one stream: accel in g, gyro in deg/s. */
export type SensorSignals = Record<SignalName, Float64Array>;

/** The signal names in the featurizer's order. */
export const SENSOR_SIGNALS: readonly SignalName[] = SIGNAL_NAMES;

/**
 * The left forearm doing the mirror image of a right-forearm motion, seen by the same device worn
 * the mirror way (the person's mounting offset mirrored too), reads the reflection S =
 * diag(1, −1, 1) of what the right device reads: specific force (a vector) becomes S·f, angular
 * velocity (an axial vector) −S·ω.
 */
function mirror(accel: Axes, gyro: Axes): void {
  const [fy, wx, wz] = [accel[1], gyro[0], gyro[2]];
  for (let i = 0; i < fy.length; i++) {
    fy[i] = -fy[i]!;
    wx[i] = -wx[i]!;
    wz[i] = -wz[i]!;
  }
}

type Axes = [Float64Array, Float64Array, Float64Array];

/**
 * Columns of `m` are the new axes in the old frame: the reading in the new frame is mᵀ·v. Only
 * the `rendered` samples (all when undefined) are computed; the others are left at zero.
 */
function toSensorFrame(v: Axes, m: Mat3, rendered: Uint8Array | undefined): Axes {
  const out = [0, 1, 2].map(() => new Float64Array(v[0].length)) as Axes;
  for (let i = 0; i < v[0].length; i++) {
    if (rendered !== undefined && rendered[i] === 0) continue;
    const x = v[0][i]!;
    const y = v[1][i]!;
    const z = v[2][i]!;
    for (let c = 0; c < 3; c++) out[c]![i] = m[c]! * x + m[3 + c]! * y + m[6 + c]! * z;
  }
  return out;
}

interface AxisErrors {
  personBias: Vec3;
  personNoise: number;
  gain: Vec3;
  bias: Vec3;
  extraNoise: number;
}

/**
 * Adds the errors to each axis in place. The noise streams move on past the samples not
 * `rendered` without drawing their Gaussians (those samples are left as they are), so that every
 * rendered sample gets the noise a whole render gives it.
 */
function degrade(
  axes: Float64Array[],
  e: AxisErrors,
  noiseSeed: number,
  extraSeed: number,
  rendered: Uint8Array | undefined,
): void {
  const noise = createRng(noiseSeed);
  const extra = createRng(extraSeed);
  const extraNoise = e.extraNoise > 0;
  axes.forEach((axis, c) => {
    for (let i = 0; i < axis.length; i++) {
      if (rendered !== undefined && rendered[i] === 0) {
        let end = i + 1;
        while (end < axis.length && rendered[end] === 0) end++;
        noise.skipNormals(end - i);
        if (extraNoise) extra.skipNormals(end - i);
        i = end - 1;
        continue;
      }
      const reading = axis[i]! + e.personBias[c]! + noise.normal(0, e.personNoise);
      axis[i] =
        e.gain[c]! * reading + e.bias[c]! + (extraNoise ? extra.normal(0, e.extraNoise) : 0);
    }
  });
}

function errorsOf(person: Person, drift: SensorDrift, sensor: 'accel' | 'gyro'): AxisErrors {
  if (sensor === 'accel') {
    return {
      personBias: person.accelBiasG,
      personNoise: person.accelNoiseG,
      gain: drift.accelGain,
      bias: drift.accelBiasG,
      extraNoise: drift.extraAccelNoiseG,
    };
  }
  return {
    personBias: person.gyroBiasDps,
    personNoise: person.gyroNoiseDps,
    gain: drift.gyroGain,
    bias: drift.gyroBiasDps,
    extraNoise: drift.extraGyroNoiseDps,
  };
}

/**
 * Turns ideal forearm readings into what the person's device reports under `drift`: rotated into
 * the sensor frame by the person's mounting, mirrored when worn on the wrong arm, turned by the
 * drift's rotation; then the person's bias and white noise, the drift's gain, bias and extra
 * noise, and finally the device's own sample rate. Noise streams come from `seed` and do not
 * depend on the drift, so two drifts of one session differ only by what the drifts do. With
 * `rendered` (the samples the forearm was rendered at), only those are measured: each exactly as
 * a whole measurement gives it where its neighbours the device filter reads are rendered too
 * (the render's margins see to that); the others are meaningless. O(n).
 */
export function applySensor(
  forearm: ForearmSignals,
  person: Person,
  drift: SensorDrift,
  seed: number,
  sampleRateHz: number,
  rendered?: Uint8Array,
): SensorSignals {
  const mount = rotationFromDegrees(person.mountDeg);
  const worn = {
    accel: toSensorFrame(forearm.force, mount, rendered),
    gyro: toSensorFrame(forearm.rate, mount, rendered),
  };
  if (drift.wrongArm) mirror(worn.accel, worn.gyro);
  const accel = toSensorFrame(worn.accel, drift.rotation, rendered);
  const gyro = toSensorFrame(worn.gyro, drift.rotation, rendered);
  const accelSeeds = [deriveSeed(seed, 'accel-noise'), deriveSeed(seed, 'accel-extra')] as const;
  const gyroSeeds = [deriveSeed(seed, 'gyro-noise'), deriveSeed(seed, 'gyro-extra')] as const;
  degrade(accel, errorsOf(person, drift, 'accel'), ...accelSeeds, rendered);
  degrade(gyro, errorsOf(person, drift, 'gyro'), ...gyroSeeds, rendered);
  const rate = drift.deviceSampleRateHz;
  const resample = (x: Float64Array) =>
    rate < sampleRateHz ? simulateDeviceRate(x, sampleRateHz, rate, rendered) : x;
  return {
    accel_x: resample(accel[0]),
    accel_y: resample(accel[1]),
    accel_z: resample(accel[2]),
    gyro_x: resample(gyro[0]),
    gyro_y: resample(gyro[1]),
    gyro_z: resample(gyro[2]),
  };
}
