/** Durations and positions as written on the command line: `90s`, `2m`, `1h`, `500ms`, `200w`. */
import { OptionError } from './option-error.js';

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

/** Seconds in `text` (`90s`, `2m`, `1.5h`, `250ms`); throws OptionError naming `option`. */
export function parseDuration(text: string, option: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) {
    throw new OptionError(option, `expects a duration such as 90s, 2m or 500ms, got "${text}"`);
  }
  return Number(match[1]) * UNIT_SECONDS[match[2]!]!;
}

/** A point or span either in simulated seconds or in windows sent (counted over the whole run). */
export type Position = { readonly seconds: number } | { readonly windows: number };

/** `90s`/`2m` → seconds; `200` or `200w` → windows. */
export function parsePosition(text: string, option: string): Position {
  const windows = /^(\d+)w?$/.exec(text.trim());
  if (windows) return { windows: Number(windows[1]) };
  return { seconds: parseDuration(text, option) };
}

/** A fixed delay (`30s`) or a uniform range (`10s..60s`), in seconds. */
export interface DelayRange {
  readonly minS: number;
  readonly maxS: number;
}

export function parseDelayRange(text: string, option: string): DelayRange {
  const [low, high, ...rest] = text.split('..');
  if (rest.length > 0 || low === undefined) {
    throw new OptionError(option, `expects 30s or a range such as 10s..60s, got "${text}"`);
  }
  const minS = parseDuration(low, option);
  const maxS = high === undefined ? minS : parseDuration(high, option);
  if (maxS < minS) throw new OptionError(option, `range ${text} ends before it starts`);
  return { minS, maxS };
}
