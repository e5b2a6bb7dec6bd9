import type { Motion } from './motion-types.js';
import { smoothstep } from './waveforms.js';

/** A motion placed on the session clock; `blendS` is the half-width of the fade into the next. */
export interface PlacedMotion {
  readonly startS: number;
  readonly endS: number;
  readonly blendS: number;
  readonly motion: Motion;
}

function wrapPi(angle: number): number {
  return angle - 2 * Math.PI * Math.round(angle / (2 * Math.PI));
}

/**
 * The forearm pose of a whole session at any time: each placed motion on its own clock, and
 * around each boundary a smooth cross-fade of `2·blendS` seconds, because an arm moves from one
 * activity's posture to the next rather than jumping. Angles fade along the shorter way round.
 * Throws RangeError for an empty list. O(1) amortised per call for increasing t.
 */
export function sessionPose(parts: readonly PlacedMotion[]): Motion {
  if (parts.length === 0) throw new RangeError('sessionPose requires at least one motion');
  const a = new Float64Array(6);
  const b = new Float64Array(6);
  let k = 0;

  function fade(left: PlacedMotion, right: PlacedMotion, t: number, out: Float64Array): void {
    const w = smoothstep((t - (left.endS - left.blendS)) / (2 * left.blendS));
    left.motion(t - left.startS, a);
    right.motion(t - right.startS, b);
    for (let i = 0; i < 3; i++) out[i] = a[i]! + w * wrapPi(b[i]! - a[i]!);
    for (let i = 3; i < 6; i++) out[i] = a[i]! + w * (b[i]! - a[i]!);
  }

  return (t, out) => {
    while (k > 0 && t < parts[k]!.startS) k--;
    while (k + 1 < parts.length && t >= parts[k]!.endS) k++;
    const part = parts[k]!;
    const next = parts[k + 1];
    const previous = parts[k - 1];
    if (next && part.blendS > 0 && t > part.endS - part.blendS) fade(part, next, t, out);
    else if (previous && previous.blendS > 0 && t < part.startS + previous.blendS) {
      fade(previous, part, t, out);
    } else part.motion(t - part.startS, out);
  };
}
