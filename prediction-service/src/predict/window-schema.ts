import { z } from 'zod';
import { SIGNAL_NAMES, type SignalName, type SignalSet } from '@driftwatch/core/features/index';

/** Limits a request body is checked against. */
export interface WindowLimits {
  windowLengthSamples: number;
  sampleRateHz: number;
}

/** A window that passed validation, in Driftwatch's own format. */
export interface CheckedWindow {
  windowId?: string;
  deviceId?: string;
  timestamp?: string;
  label?: string;
  signals: SignalSet;
}

function perSignal<T>(value: T): Record<SignalName, T> {
  return Object.fromEntries(SIGNAL_NAMES.map((name) => [name, value])) as Record<SignalName, T>;
}

const id = z.string().min(1).max(256);
const finiteNumber = z.number().refine(Number.isFinite, 'must be a finite number');

/**
 * One signal: exactly `length` finite numbers. A hand-written loop instead of z.array(z.number())
 * because this check runs over every sample of every window and is the hot path of /predict.
 */
function signalSchema(length: number) {
  return z
    .custom<number[]>(() => true)
    .superRefine((value, ctx) => {
      if (!Array.isArray(value)) {
        ctx.addIssue({ code: 'custom', message: 'must be an array of numbers' });
        return;
      }
      if (value.length !== length) {
        ctx.addIssue({
          code: 'custom',
          message: `has ${value.length} samples; ${length} required`,
        });
        return;
      }
      for (let i = 0; i < length; i++) {
        const v = value[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          ctx.addIssue({ code: 'custom', message: 'must be a finite number', path: [i] });
          return;
        }
      }
    });
}

/** Schema of one window in the `{ signals: {...} }` format (docs/contracts.md). */
export function windowSchema(limits: WindowLimits) {
  const signal = signalSchema(limits.windowLengthSamples);
  return z.object({
    windowId: id.optional(),
    deviceId: id.optional(),
    timestamp: z.iso.datetime({ offset: true }).optional(),
    sampleRateHz: z.literal(limits.sampleRateHz).optional(),
    label: id.optional(),
    signals: z.object(perSignal(signal)),
  });
}

/** Schema of the original project's format: one window as an array of sample records. */
export function sampleArraySchema(limits: WindowLimits) {
  const record = z.object({
    time: finiteNumber.optional(),
    ...perSignal(finiteNumber),
    label: z.string().optional(),
    label_group: z.string().optional(),
  });
  return z.array(record).length(limits.windowLengthSamples);
}

/** Turns a zod issue path into `signals.gyro_x[17]` style. */
export function fieldOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  }
  return out;
}
