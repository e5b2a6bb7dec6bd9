/**
 * A recording to replay: CSV with a header, columns `time` (seconds), accel_x…gyro_z (g, deg/s)
 * at 50 Hz and optionally `label` (an activity or a group) or `label_group`. Errors name the file,
 * the line and the column.
 */
import { SENSOR_SIGNALS } from '@driftwatch/core/simulator/index';

export interface Recording {
  readonly time: Float64Array;
  readonly signals: Record<(typeof SENSOR_SIGNALS)[number], Float64Array>;
  /** Per-sample label, or undefined when the file has no label column. */
  readonly labels: string[] | undefined;
}

export class RecordingError extends Error {
  override name = 'RecordingError';
}

const REQUIRED = ['time', ...SENSOR_SIGNALS] as const;

function splitLine(line: string): string[] {
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

export function parseRecording(text: string, file: string): Recording {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitLine(lines[0] ?? '');
  const column = (name: string) => header.indexOf(name);
  for (const name of REQUIRED) {
    if (column(name) < 0)
      throw new RecordingError(`${file}: missing column "${name}" in the header`);
  }
  const labelColumn = column('label_group') >= 0 ? column('label_group') : column('label');
  const rows = lines.length - 1;
  const numeric = Object.fromEntries(REQUIRED.map((n) => [n, new Float64Array(rows)])) as Record<
    (typeof REQUIRED)[number],
    Float64Array
  >;
  const labels = labelColumn >= 0 ? new Array<string>(rows) : undefined;
  for (let r = 0; r < rows; r++) {
    const cells = splitLine(lines[r + 1]!);
    for (const name of REQUIRED) {
      const value = Number(cells[column(name)]);
      if (cells[column(name)] === '' || !Number.isFinite(value)) {
        throw new RecordingError(`${file}:${r + 2}: column "${name}" is not a finite number`);
      }
      numeric[name][r] = value;
    }
    if (labels) labels[r] = cells[labelColumn] ?? '';
  }
  checkSampleRate(numeric.time, file);
  const { time, ...signals } = numeric;
  return { time, signals, labels };
}

/** Replayed windows are cut by sample count, so the recording must really be 50 Hz. */
function checkSampleRate(time: Float64Array, file: string): void {
  for (let i = 1; i < time.length; i++) {
    const step = time[i]! - time[i - 1]!;
    if (!(Math.abs(step - 0.02) <= 0.004)) {
      throw new RecordingError(
        `${file}:${i + 2}: time steps by ${step.toFixed(4)} s; replay needs 50 Hz samples (0.02 s apart)`,
      );
    }
  }
}
