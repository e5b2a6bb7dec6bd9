/**
 * Reads configuration from environment variables with one rule for every service and tool: an
 * empty string means unset (the default applies), and a bad value is recorded with the variable's
 * name, so that `finish()` can report every bad variable at once.
 */
import { EnvError, type EnvProblem } from './env-error.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface IntegerRange {
  readonly min?: number;
  readonly max?: number;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

export class EnvReader {
  readonly #env: Env;
  readonly #problems: EnvProblem[] = [];

  constructor(env: Env) {
    this.#env = env;
  }

  /** The variable's text, or undefined when it is unset or empty. */
  optional(name: string): string | undefined {
    const text = this.#env[name];
    return text === undefined || text === '' ? undefined : text;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  /** A string that must match `pattern`; `rule` says in words what the pattern allows. */
  matching(name: string, pattern: RegExp, rule: string): string | undefined {
    const text = this.optional(name);
    if (text === undefined || pattern.test(text)) return text;
    return this.#bad(name, `must be ${rule}, got "${text}"`, undefined);
  }

  /** A whole number in [min, max] (both inclusive). */
  integer(name: string, fallback: number, range: IntegerRange = {}): number {
    const text = this.optional(name);
    if (text === undefined) return fallback;
    const min = range.min ?? Number.MIN_SAFE_INTEGER;
    const max = range.max ?? Number.MAX_SAFE_INTEGER;
    const value = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
    if (Number.isSafeInteger(value) && value >= min && value <= max) return value;
    return this.#bad(
      name,
      `must be an integer ${describeRange(min, max)}, got "${text}"`,
      fallback,
    );
  }

  /** A TCP port; `min` is 0 (let the system choose) unless the caller needs a fixed port. */
  port(name: string, fallback: number, min: 0 | 1 = 0): number {
    return this.integer(name, fallback, { min, max: 65535 });
  }

  /** A finite number greater than `exclusiveMin` when one is given. */
  number(name: string, fallback: number, exclusiveMin?: number): number {
    const text = this.optional(name);
    if (text === undefined) return fallback;
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (Number.isFinite(value) && (exclusiveMin === undefined || value > exclusiveMin)) {
      return value;
    }
    const bound = exclusiveMin === undefined ? '' : ` greater than ${exclusiveMin}`;
    return this.#bad(name, `must be a number${bound}, got "${text}"`, fallback);
  }

  /** true for 1/true/yes/on, false for 0/false/no/off (any case). */
  boolean(name: string, fallback: boolean): boolean {
    const text = this.optional(name);
    if (text === undefined) return fallback;
    const word = text.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return this.#bad(name, `must be true or false (1/0, yes/no, on/off), got "${text}"`, fallback);
  }

  /** One of `choices`, exactly as spelled there. */
  choice<const T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const text = this.optional(name);
    if (text === undefined) return fallback;
    if ((choices as readonly string[]).includes(text)) return text as T;
    return this.#bad(name, `must be one of ${choices.join(', ')}, got "${text}"`, fallback);
  }

  /** An absolute http(s) URL. */
  httpUrl(name: string, fallback: string): string {
    const text = this.optional(name);
    if (text === undefined) return fallback;
    const url = URL.canParse(text) ? new URL(text) : undefined;
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) return text;
    return this.#bad(name, `must be an http:// or https:// URL, got "${text}"`, fallback);
  }

  /** Throws one EnvError naming every variable read so far that was wrong. */
  finish(context?: string): void {
    if (this.#problems.length > 0) throw new EnvError([...this.#problems], context);
  }

  #bad<T>(variable: string, problem: string, fallback: T): T {
    this.#problems.push({ variable, problem });
    return fallback;
  }
}

function describeRange(min: number, max: number): string {
  if (max === Number.MAX_SAFE_INTEGER) return `≥ ${min}`;
  if (min === Number.MIN_SAFE_INTEGER) return `≤ ${max}`;
  return `in [${min}, ${max}]`;
}
