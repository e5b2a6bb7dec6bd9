import type { z } from 'zod';
import { SIGNAL_NAMES, type SignalName } from '@driftwatch/core/features/index';
import type { HttpError } from '@driftwatch/core/http/http-error';
import { aboutWindow, apiError, type ErrorCode } from '../errors/api-error.js';
import {
  type CheckedWindow,
  fieldOf,
  sampleArraySchema,
  type WindowLimits,
  windowSchema,
} from './window-schema.js';

export interface PredictRequest {
  windows: CheckedWindow[];
  /** One window (own format or sample array): the answer also carries a top-level prediction. */
  single: boolean;
}

export interface PredictBodyLimits extends WindowLimits {
  maxBatchWindows: number;
}

/** Builds the /predict body check once; the returned function throws HttpError on bad input. */
export function createPredictBodyParser(
  limits: PredictBodyLimits,
): (body: unknown) => PredictRequest {
  const window = windowSchema(limits);
  const samples = sampleArraySchema(limits);

  function checkWindow(raw: unknown, index: number): CheckedWindow {
    const parsed = window.safeParse(raw);
    if (parsed.success) return parsed.data;
    throw windowError(parsed.error, index, raw);
  }

  return (body) => {
    if (Array.isArray(body)) {
      const parsed = samples.safeParse(body);
      if (!parsed.success) throw windowError(parsed.error, 0, undefined);
      return { windows: [fromSamples(parsed.data)], single: true };
    }
    if (typeof body !== 'object' || body === null) {
      throw apiError(
        'invalid_body',
        'body must be a window, { "windows": [...] } or an array of sample records',
      );
    }
    if (!('windows' in body)) return { windows: [checkWindow(body, 0)], single: true };
    const { windows } = body;
    if (!Array.isArray(windows) || windows.length === 0) {
      throw apiError('invalid_body', '"windows" must be a non-empty array');
    }
    if (windows.length > limits.maxBatchWindows) {
      throw apiError(
        'batch_too_large',
        `batch has ${windows.length} windows; at most ${limits.maxBatchWindows} are accepted`,
      );
    }
    const checked = windows.map(checkWindow);
    rejectDuplicateIds(checked);
    return { windows: checked, single: false };
  };
}

function windowError(error: z.ZodError, index: number, raw: unknown): HttpError<ErrorCode> {
  const issue = error.issues[0];
  const field = fieldOf(issue?.path ?? []);
  const rawId = (raw as { windowId?: unknown } | undefined)?.windowId;
  const windowId = typeof rawId === 'string' ? rawId : undefined;
  const where = windowId === undefined ? `window ${index}` : `window ${index} (${windowId})`;
  return apiError(
    'invalid_window',
    `${where}: ${field || 'window'} ${issue?.message}`,
    aboutWindow(index, windowId, field),
  );
}

function rejectDuplicateIds(windows: readonly CheckedWindow[]): void {
  const seen = new Set<string>();
  windows.forEach((w, index) => {
    if (w.windowId === undefined) return;
    if (seen.has(w.windowId)) {
      throw apiError(
        'duplicate_window_id',
        `window ${index} repeats windowId ${w.windowId} of an earlier window in this batch`,
        aboutWindow(index, w.windowId, 'windowId'),
      );
    }
    seen.add(w.windowId);
  });
}

type SampleRecords = z.output<ReturnType<typeof sampleArraySchema>>;

/**
 * The sample-array format carries per-sample label groups; the window's label is that group, or
 * `Transition` when the window spans more than one (docs/contracts.md, Featurization).
 */
function fromSamples(records: SampleRecords): CheckedWindow {
  const signals = {} as Record<SignalName, number[]>;
  for (const name of SIGNAL_NAMES) signals[name] = records.map((r) => r[name]);
  const groups = new Set(records.map((r) => r.label_group).filter((g) => g !== undefined));
  const [group] = groups;
  if (group === undefined) return { signals };
  return { signals, label: groups.size === 1 ? group : 'Transition' };
}
