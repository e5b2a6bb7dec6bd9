/**
 * The pinned feature definition of the original project: for each sensor signal, the frequencies
 * (Hz) whose normalised DFT magnitudes are the model's features. Order matters: it is the column
 * order of the model input and of every feature table.
 */
export const SIGNAL_NAMES = [
  'accel_x',
  'accel_y',
  'accel_z',
  'gyro_x',
  'gyro_y',
  'gyro_z',
] as const;

export type SignalName = (typeof SIGNAL_NAMES)[number];

export const FEATURE_FREQUENCIES_HZ: Readonly<Record<SignalName, readonly number[]>> = {
  accel_x: [0, 1, 2, 4, 5, 7, 9, 12, 16],
  accel_y: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  accel_z: [0, 1, 2, 3, 4, 5, 8, 12, 14],
  gyro_x: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
  gyro_y: [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11],
  gyro_z: [0, 1, 3, 4, 5, 8, 14, 17, 18],
};

/** Default sampling rate of the wrist sensor. */
export const DEFAULT_SAMPLE_RATE_HZ = 50;

/** Default window length: 3 s at 50 Hz, as the original project cut its windows. */
export const DEFAULT_WINDOW_LENGTH = 151;

/** Smallest window the featurizer accepts. */
export const MIN_WINDOW_LENGTH = 16;

/** The 65 feature names, `<signal>_<frequency>`, in model-input order. */
export const FEATURE_NAMES: readonly string[] = SIGNAL_NAMES.flatMap((signal) =>
  FEATURE_FREQUENCIES_HZ[signal].map((hz) => `${signal}_${hz}`),
);

export const FEATURE_COUNT = FEATURE_NAMES.length;
