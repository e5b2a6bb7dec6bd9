import { createRng, deriveSeed } from '../random/prng.js';
import type { Vec3 } from './rotation.js';

/**
 * One simulated wearer: how they move and how their sensor sits and errs. Everything a person
 * does twice (the same exercise in two sets) looks alike because their style is drawn from
 * `seed`; two people differ in tempo, amplitude, posture habits, mounting and sensor errors.
 */
export interface Person {
  readonly id: string;
  /** Seed of the person's movement style per activity. */
  readonly seed: number;
  /** Multiplies the tempo of exercises and machines (0.9–1.1). */
  readonly tempoFactor: number;
  /** Multiplies the size of movements (0.85–1.15). */
  readonly amplitudeFactor: number;
  /** Steps per second when walking (1.7–2.0 Hz) and running (2.5–3.0 Hz). */
  readonly walkCadenceHz: number;
  readonly runCadenceHz: number;
  /** Sensor axes relative to the forearm frame: yaw, pitch, roll in degrees (small). */
  readonly mountDeg: Vec3;
  /** Offsets (degrees) the person adds to every pose: how they habitually hold the wrist. */
  readonly habitDeg: Vec3;
  /** Pose (yaw, pitch, roll degrees) the forearm takes at rest: hanging, on the lap, folded… */
  readonly restPoseDeg: Vec3;
  /** Left-handed people move the right arm less when idle and start one-arm sets on the left. */
  readonly leftHanded: boolean;
  /** Distance from the elbow to the sensor, metres. */
  readonly leverM: number;
  /** Physiological tremor: centre frequency (8–12 Hz) and angular amplitude (degrees). */
  readonly tremorHz: number;
  readonly tremorDeg: number;
  /** White sensor noise, standard deviation per sample: g and deg/s. */
  readonly accelNoiseG: number;
  readonly gyroNoiseDps: number;
  /** Constant sensor offsets per axis: g and deg/s. */
  readonly accelBiasG: Vec3;
  readonly gyroBiasDps: Vec3;
}

const REST_POSES: readonly Vec3[] = [
  [0, 85, 90],
  [10, 20, 10],
  [75, 10, 80],
  [-120, 35, 90],
  [20, 60, 150],
];

/** Draws a person from a seed. Deterministic; O(1). */
export function createPerson(seed: number, id = `person-${seed >>> 0}`): Person {
  const rng = createRng(deriveSeed(seed, 'person'));
  const around = (sd: number): Vec3 => [rng.normal(0, sd), rng.normal(0, sd), rng.normal(0, sd)];
  return {
    id,
    seed: deriveSeed(seed, 'style'),
    tempoFactor: rng.uniform(0.9, 1.1),
    amplitudeFactor: rng.uniform(0.85, 1.15),
    walkCadenceHz: rng.uniform(1.7, 2.0),
    runCadenceHz: rng.uniform(2.5, 3.0),
    mountDeg: [rng.normal(0, 3), rng.normal(0, 3), rng.normal(0, 6)],
    habitDeg: around(4),
    restPoseDeg: rng.pick(REST_POSES),
    leftHanded: rng.chance(0.12),
    leverM: rng.uniform(0.2, 0.3),
    tremorHz: rng.uniform(8, 12),
    tremorDeg: rng.uniform(0.02, 0.045),
    accelNoiseG: rng.uniform(0.006, 0.014),
    gyroNoiseDps: rng.uniform(0.5, 1.0),
    accelBiasG: around(0.01),
    gyroBiasDps: around(0.5),
  };
}
