/**
 * The drift scenarios `--scenario` knows: what each changes in the simulated traffic and which
 * monitor of the stack is expected to notice. `apply` adds the scenario at intensity t ∈ [0, 1]
 * (1 = fully developed; a ramp moves t from 0 to 1) to the effect of the scenarios before it.
 */
import type { GroupName } from '@driftwatch/core/simulator/index';
import { blendMix, lerp, type ScenarioEffect } from './scenario-effect.js';

export interface Scenario {
  readonly name: string;
  readonly changes: string;
  readonly caughtBy: string;
  apply(effect: ScenarioEffect, t: number): void;
}

/** The two groups whose ground truth the `concept` scenario swaps. */
export const CONCEPT_SWAP: readonly [GroupName, GroupName] = [
  'Repetitive exercise',
  'Non-exercise',
];

const BIAS_G: [number, number, number] = [0.35, -0.25, 0.3];
const BIAS_DPS: [number, number, number] = [25, -20, 30];

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'none',
    changes: 'nothing: the population as in the reference',
    caughtBy: 'nothing should fire',
    apply: () => undefined,
  },
  {
    name: 'sensor-bias',
    changes: `offsets added to every reading: accel ${BIAS_G.join('/')} g, gyro ${BIAS_DPS.join('/')} deg/s`,
    caughtBy: 'feature drift (KS/PSI) on most features: DatasetDriftDetected, FeatureDriftHigh',
    apply(effect, t) {
      effect.sensor.accelBiasG = effect.sensor.accelBiasG.map((v, i) => v + t * BIAS_G[i]!) as [
        number,
        number,
        number,
      ];
      effect.sensor.gyroBiasDps = effect.sensor.gyroBiasDps.map((v, i) => v + t * BIAS_DPS[i]!) as [
        number,
        number,
        number,
      ];
    },
  },
  {
    name: 'gain',
    changes: 'accelerometer reads 1.6x, gyroscope 0.6x (raw amplitudes scale)',
    caughtBy:
      'the raw-signal summaries (standard deviation of each axis) drift: FeatureDriftHigh; the features divide each signal by its largest FFT magnitude, so they and the model do not see a pure gain',
    apply(effect, t) {
      effect.sensor.accelGain *= lerp(1, 1.6, t);
      effect.sensor.gyroGain *= lerp(1, 0.6, t);
    },
  },
  {
    name: 'wrong-arm',
    changes: 'sensor worn on the left forearm: mirrored axes, one-arm exercises swap roles',
    caughtBy:
      'the means of the mirrored axes drift in the raw-signal summaries (FeatureDriftHigh); the FFT magnitudes ignore sign flips, so the features barely move; quality of the one-arm classes drops once labels arrive (ModelQualityDrop)',
    apply(effect, t) {
      effect.wrongArmShare = Math.max(effect.wrongArmShare, t);
    },
  },
  {
    name: 'tempo',
    changes: 'everyone moves 35% faster (exercise tempo, cadence)',
    caughtBy:
      'weakly: KS drift on a few cadence bins (0-4 Hz; the gyroscope loses weight at 0 Hz), too few for DatasetDriftDetected and under the PSI of FeatureDriftHigh at the default window; accuracy dips once labels arrive',
    apply(effect, t) {
      effect.sensor.tempoScale *= lerp(1, 1.35, t);
    },
  },
  {
    name: 'noise',
    changes: 'extra white noise: 0.08 g on the accelerometer, 8 deg/s on the gyroscope',
    caughtBy:
      'feature drift on every bin but 0 Hz, most on the high-frequency bins where motion has little power: DatasetDriftDetected, FeatureDriftHigh; predictions shift (PredictionDriftDetected) and accuracy collapses',
    apply(effect, t) {
      effect.sensor.extraAccelNoiseG += t * 0.08;
      effect.sensor.extraGyroNoiseDps += t * 8;
    },
  },
  {
    name: 'class-mix',
    changes: 'the population now mostly runs (Run 70%, the rest walk, rest or exercise)',
    caughtBy:
      'prediction drift (chi-square): PredictionDriftDetected; label drift once labels arrive',
    apply(effect, t) {
      const target = { Run: 0.7, Walk: 0.1, 'Non-exercise': 0.1, 'Repetitive exercise': 0.1 };
      effect.classMix = blendMix(effect.classMix, target, t);
    },
  },
  {
    name: 'concept',
    changes: `ground truth of "${CONCEPT_SWAP[0]}" and "${CONCEPT_SWAP[1]}" swapped; signals unchanged`,
    caughtBy:
      'only labelled quality: accuracy drops (ModelQualityDrop); no feature or prediction drift',
    apply(effect, t) {
      effect.swapShare = Math.max(effect.swapShare, t);
    },
  },
  {
    name: 'sample-rate',
    changes:
      'devices sample at 25 Hz (anti-alias filter at 11.25 Hz) and are linearly upsampled to 50 Hz',
    caughtBy:
      'feature drift on the bins from 12 Hz up, whose content is mostly gone: FeatureDriftHigh; the bins below 9 Hz barely move, so usually too few features for DatasetDriftDetected',
    apply(effect, t) {
      effect.sensor.deviceSampleRateHz = Math.min(
        effect.sensor.deviceSampleRateHz,
        lerp(50, 25, t),
      );
    },
  },
];

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
