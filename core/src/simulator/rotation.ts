/** Three numbers: a vector, or Euler angles (yaw, pitch, roll). */
export type Vec3 = readonly [number, number, number];

/** A 3×3 matrix, row-major. */
export type Mat3 = Float64Array;

export const DEG = Math.PI / 180;

/**
 * Writes R = Rz(yaw)·Ry(pitch)·Rx(roll) (radians) into `out`. R maps body-frame coordinates to
 * world coordinates, so its columns are the body axes seen in the world. With world X forward,
 * Y left, Z up, a positive pitch turns the body x axis from forward towards down. O(1).
 */
export function eulerToMatrix(yaw: number, pitch: number, roll: number, out: Mat3): Mat3 {
  const cy = Math.cos(yaw);
  const sy = Math.sin(yaw);
  const cp = Math.cos(pitch);
  const sp = Math.sin(pitch);
  const cr = Math.cos(roll);
  const sr = Math.sin(roll);
  out[0] = cy * cp;
  out[1] = cy * sp * sr - sy * cr;
  out[2] = cy * sp * cr + sy * sr;
  out[3] = sy * cp;
  out[4] = sy * sp * sr + cy * cr;
  out[5] = sy * sp * cr - cy * sr;
  out[6] = -sp;
  out[7] = cp * sr;
  out[8] = cp * cr;
  return out;
}

/** The rotation matrix of Euler angles in degrees (yaw, pitch, roll), as eulerToMatrix. O(1). */
export function rotationFromDegrees(angles: Vec3): Mat3 {
  return eulerToMatrix(angles[0] * DEG, angles[1] * DEG, angles[2] * DEG, new Float64Array(9));
}

/**
 * Checks that m is a proper rotation (orthonormal, determinant +1) to 1e-6 and returns a copy.
 * Throws RangeError naming `caller` otherwise.
 */
export function checkedRotation(m: ArrayLike<number>, caller: string): Mat3 {
  const r = Float64Array.from(m);
  if (r.length !== 9 || !r.every(Number.isFinite)) {
    throw new RangeError(`${caller} requires a rotation as 9 finite numbers (row-major 3×3)`);
  }
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const dot = r[i]! * r[j]! + r[3 + i]! * r[3 + j]! + r[6 + i]! * r[6 + j]!;
      if (Math.abs(dot - (i === j ? 1 : 0)) > 1e-6) {
        throw new RangeError(`${caller} requires an orthonormal rotation matrix`);
      }
    }
  }
  const det =
    r[0]! * (r[4]! * r[8]! - r[5]! * r[7]!) -
    r[1]! * (r[3]! * r[8]! - r[5]! * r[6]!) +
    r[2]! * (r[3]! * r[7]! - r[4]! * r[6]!);
  if (det < 0) throw new RangeError(`${caller} requires a rotation with determinant +1`);
  return r;
}
