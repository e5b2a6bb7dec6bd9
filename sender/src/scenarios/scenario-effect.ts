/** What the active drift scenarios do to one window, combined. */
import {
  BALANCED_CLASS_MIX,
  type ClassMix,
  type GroupName,
  GROUP_NAMES,
} from '@driftwatch/core/simulator/index';

/** Sensor knobs in the simulator's terms, kept as plain numbers so effects can be combined. */
export interface SensorKnobs {
  accelBiasG: [number, number, number];
  gyroBiasDps: [number, number, number];
  accelGain: number;
  gyroGain: number;
  tempoScale: number;
  extraAccelNoiseG: number;
  extraGyroNoiseDps: number;
  deviceSampleRateHz: number;
}

export interface ScenarioEffect {
  sensor: SensorKnobs;
  classMix: ClassMix;
  /** Share of devices worn on the left forearm (devices are ranked, so the set only grows). */
  wrongArmShare: number;
  /** Share of windows whose ground truth has the concept scenario's two groups swapped. */
  swapShare: number;
}

/**
 * The traffic without drift. Sessions use the balanced mix because the reference table was
 * built from it (reference-data/): natural gym sessions would already differ from the reference.
 */
export function baselineEffect(): ScenarioEffect {
  return {
    sensor: {
      accelBiasG: [0, 0, 0],
      gyroBiasDps: [0, 0, 0],
      accelGain: 1,
      gyroGain: 1,
      tempoScale: 1,
      extraAccelNoiseG: 0,
      extraGyroNoiseDps: 0,
      deviceSampleRateHz: 50,
    },
    classMix: { ...BALANCED_CLASS_MIX },
    wrongArmShare: 0,
    swapShare: 0,
  };
}

/** Moves `from` a share `t` of the way to `to`. */
export function lerp(from: number, to: number, t: number): number {
  return from + (to - from) * t;
}

/** Blends the current mix towards `target` by `t` (both normalised first). */
export function blendMix(current: ClassMix, target: ClassMix, t: number): ClassMix {
  const total = (mix: ClassMix) => GROUP_NAMES.reduce((sum, g) => sum + (mix[g] ?? 0), 0);
  const a = total(current);
  const b = total(target);
  const out: ClassMix = {};
  for (const group of GROUP_NAMES as readonly GroupName[]) {
    const weight = lerp((current[group] ?? 0) / a, (target[group] ?? 0) / b, t);
    if (weight > 0) out[group] = weight;
  }
  return out;
}
