import type { Person } from './person.js';
import type { Rng } from '../random/prng.js';
import type { Vec3 } from './rotation.js';

/** A closed interval [lo, hi]. */
export type Range = readonly [number, number];

/**
 * Writes the pose of the sensor-wearing forearm at `t` seconds from the start of its segment:
 * out[0..2] = yaw, pitch, roll in radians (Z-Y-X Euler angles of the forearm frame: x along the
 * forearm towards the hand, z out of the back of the wrist), out[3..5] = linear acceleration of
 * the body in g (world X forward, Y left, Z up). Pure in t: any instant may be asked, in any order.
 */
export type Motion = (t: number, out: Float64Array) => void;

/** What a motion generator may draw on. */
export interface MotionContext {
  readonly person: Person;
  /** Randomness of this one segment: set-to-set variation. */
  readonly rng: Rng;
  /** Randomness of this person doing this activity: their style, the same in every set. */
  readonly style: Rng;
  /** Drift: multiplies every tempo and cadence. */
  readonly tempoScale: number;
  readonly durationS: number;
}

/** Repeated movement at one tempo: exercises, machines, and (through GaitProfile) gait. */
export interface PeriodicProfile {
  readonly kind: 'periodic';
  /** Cycles per second of the sensor arm, before the person's tempo factor. */
  readonly tempoHz: Range;
  /** Centre pose and amplitude per angle (yaw, pitch, roll), degrees. */
  readonly pose: Vec3;
  readonly swing: Vec3;
  /** Phase lag of each angle behind the cycle, in cycles. */
  readonly lag?: Vec3;
  /** Body acceleration amplitudes: vertical bounce and forward surge, g. */
  readonly bounceG?: number;
  readonly surgeG?: number;
  /** Impact sharpness of the bounce (0 smooth; 4–6 like foot strikes). */
  readonly impact?: number;
  /** Body cycles per arm cycle (2 in gait: two steps per arm swing). */
  readonly bounceHarmonic?: number;
  /** Paced by a machine: the tempo barely wanders and the stroke barely changes. */
  readonly paced?: boolean;
  /** Broadband vibration of the machine (6–20 Hz) felt through the hands, g RMS. */
  readonly vibrationG?: number;
}

/** Walking or running: the cadence comes from the person, the arm swings at half of it. */
export interface GaitProfile {
  readonly kind: 'gait';
  readonly pace: 'walk' | 'run';
  readonly pose: Vec3;
  readonly swing: Vec3;
  readonly bounceG: number;
  readonly surgeG: number;
  readonly impact: number;
}

/** An exercise done by one arm; `idle` is what the other arm does meanwhile. */
export interface OneArmProfile {
  readonly kind: 'oneArm';
  /** 'either': the label covers both arms' sets, so the sensor arm works in half of them. */
  readonly arm: 'right' | 'left' | 'either';
  readonly active: PeriodicProfile;
  readonly idle: PeriodicProfile;
}

/** Holding a position: fixed pose, slow sway, physiological tremor scaled by `load`. */
export interface StaticProfile {
  readonly kind: 'static';
  readonly pose: Vec3;
  readonly swayDeg: number;
  readonly load: number;
}

/** Near rest: slow drift and occasional small gestures; `table` lies perfectly still. */
export interface RestProfile {
  readonly kind: 'rest';
  readonly gesturesPerMinute: Range;
  readonly table?: boolean;
}

export type JunkStyle = 'tap' | 'tapOther' | 'strap' | 'raise' | 'random' | 'unlisted';

export interface JunkProfile {
  readonly kind: 'junk';
  readonly style: JunkStyle;
}

/** Slow, irregular stretching: held poses, or (dynamic) big irregular swings. */
export interface StretchProfile {
  readonly kind: 'stretch';
  readonly dynamic: boolean;
}

export type ActivityProfile =
  | PeriodicProfile
  | GaitProfile
  | OneArmProfile
  | StaticProfile
  | RestProfile
  | JunkProfile
  | StretchProfile;
