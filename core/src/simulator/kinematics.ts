import type { Motion } from './motion-types.js';
import { eulerToMatrix } from './rotation.js';

const STANDARD_GRAVITY = 9.80665;
const RAD_TO_DEG = 180 / Math.PI;
/** Step (s) of the numerical derivatives: far below the sample period, far above rounding. */
const H = 0.002;

/** Ideal readings in the forearm frame: specific force (g) and angular velocity (deg/s). */
export interface ForearmSignals {
  readonly force: [Float64Array, Float64Array, Float64Array];
  readonly rate: [Float64Array, Float64Array, Float64Array];
}

/**
 * What an ideal IMU on the forearm measures while the forearm follows `pose`, at `sampleRateHz`
 * for `samples` samples: specific force f = Rᵀ(a + ĝ) in g, where a adds the body's acceleration
 * to that of a sensor `leverM` metres from the elbow along the rotating forearm (centripetal and
 * tangential), and ĝ = +1 g up; angular velocity ω from Rᵀ·dR/dt in deg/s. Derivatives are
 * central differences of the pose at t ± H. With `render`, only the samples it marks (non-zero)
 * are computed and the others are left at zero; each computed sample is exactly what a full
 * render gives, since it depends on the pose around its own instant only. O(samples rendered)
 * with three pose evaluations each.
 */
export function renderForearm(
  pose: Motion,
  samples: number,
  sampleRateHz: number,
  leverM: number,
  render?: Uint8Array,
): ForearmSignals {
  const force = [0, 1, 2].map(() => new Float64Array(samples)) as ForearmSignals['force'];
  const rate = [0, 1, 2].map(() => new Float64Array(samples)) as ForearmSignals['rate'];
  const before = new Float64Array(9);
  const now = new Float64Array(9);
  const after = new Float64Array(9);
  const p = new Float64Array(6);
  const leverG = leverM / (H * H * STANDARD_GRAVITY);
  const rateScale = RAD_TO_DEG / (4 * H);
  for (let i = 0; i < samples; i++) {
    if (render !== undefined && render[i] === 0) continue;
    const t = i / sampleRateHz;
    pose(t - H, p);
    eulerToMatrix(p[0]!, p[1]!, p[2]!, before);
    pose(t + H, p);
    eulerToMatrix(p[0]!, p[1]!, p[2]!, after);
    pose(t, p);
    eulerToMatrix(p[0]!, p[1]!, p[2]!, now);
    // World acceleration (g) of the sensor, gravity's reaction included; lever along column 0.
    const ax = p[3]! + leverG * (after[0]! - 2 * now[0]! + before[0]!);
    const ay = p[4]! + leverG * (after[3]! - 2 * now[3]! + before[3]!);
    const az = p[5]! + leverG * (after[6]! - 2 * now[6]! + before[6]!) + 1;
    for (let c = 0; c < 3; c++) force[c]![i] = now[c]! * ax + now[3 + c]! * ay + now[6 + c]! * az;
    // Ω = Rᵀ·Ṙ is skew-symmetric; average its two estimates of each component.
    rate[0][i] = (skew(now, after, before, 2, 1) - skew(now, after, before, 1, 2)) * rateScale;
    rate[1][i] = (skew(now, after, before, 0, 2) - skew(now, after, before, 2, 0)) * rateScale;
    rate[2][i] = (skew(now, after, before, 1, 0) - skew(now, after, before, 0, 1)) * rateScale;
  }
  return { force, rate };
}

/** Element (r, c) of nowᵀ·(after − before). */
function skew(
  now: Float64Array,
  after: Float64Array,
  before: Float64Array,
  r: number,
  c: number,
): number {
  let sum = 0;
  for (let m = 0; m < 3; m++) sum += now[m * 3 + r]! * (after[m * 3 + c]! - before[m * 3 + c]!);
  return sum;
}
