import { decimalToDouble } from './decimal-to-double.js';

/**
 * JSON.parse for a UTF-8 request body, read straight from its bytes: the same value, or the same
 * SyntaxError, as `JSON.parse(bytes.toString('utf8'))` (a leading byte-order mark is skipped, as
 * body-parser does). A window is ~900 numbers of up to 17 digits in six arrays; decoding it to
 * a string and running JSON.parse takes ~1.5 times as long as this reader (75 vs 49 µs here).
 * Objects with many keys go the other way (a 65-feature monitoring event: 17 µs here, 10 µs with
 * JSON.parse), so the reader suits number arrays, not event batches.
 *
 * The reader handles the common shapes itself and hands the whole body to JSON.parse for the
 * rest: syntax errors (so the error is the engine's), strings with escapes are decoded by
 * JSON.parse piecewise, numbers outside decimalToDouble's exact paths go through Number(), and
 * a `__proto__` key (which assignment would treat as the prototype) falls back entirely.
 * Cost: O(bytes).
 */
export function parseJsonBytes(body: Buffer): unknown {
  const start = hasByteOrderMark(body) ? 3 : 0;
  try {
    return new Reader(body, start).document();
  } catch {
    // FALL_BACK, or an escape JSON.parse refused, or nesting too deep for this recursive reader.
    return JSON.parse(body.toString('utf8', start));
  }
}

const FALL_BACK = Symbol('fall back to JSON.parse');

function hasByteOrderMark(body: Buffer): boolean {
  return body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const E_LOWER = 0x65;
const E_UPPER = 0x45;
/** Significant digits that fit an exact double accumulator (< 10^15). */
const HIGH_DIGITS = 15;
/** Significant digits decimalToDouble takes (two more, in a second accumulator). */
const MAX_DIGITS = HIGH_DIGITS + 2;

// One class in one file on purpose: with the number methods in a base class of their own the
// reader ran ~20 % slower (measured 61 against 50 µs per window).
class Reader {
  private at: number;

  constructor(
    private readonly bytes: Buffer,
    start: number,
  ) {
    this.at = start;
  }

  document(): unknown {
    const value = this.value();
    this.skipSpace();
    if (this.at !== this.bytes.length) throw FALL_BACK;
    return value;
  }

  private skipSpace(): void {
    const { bytes } = this;
    let c = bytes[this.at];
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = bytes[++this.at];
  }

  private value(): unknown {
    this.skipSpace();
    const c = this.bytes[this.at];
    if (c === 0x7b) return this.object();
    if (c === 0x5b) return this.array();
    if (c === QUOTE) return this.string();
    if (c === MINUS || (c !== undefined && c >= ZERO && c <= NINE)) return this.number();
    if (this.literal('true')) return true;
    if (this.literal('false')) return false;
    if (this.literal('null')) return null;
    throw FALL_BACK;
  }

  private literal(word: string): boolean {
    for (let i = 0; i < word.length; i++) {
      if (this.bytes[this.at + i] !== word.charCodeAt(i)) return false;
    }
    this.at += word.length;
    return true;
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.at++;
    this.skipSpace();
    if (this.bytes[this.at] === 0x7d) {
      this.at++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.at] !== QUOTE) throw FALL_BACK;
      const key = this.string();
      if (key === '__proto__') throw FALL_BACK;
      this.skipSpace();
      if (this.bytes[this.at++] !== COLON) throw FALL_BACK;
      out[key] = this.value();
      this.skipSpace();
      const c = this.bytes[this.at++];
      if (c === 0x7d) return out;
      if (c !== COMMA) throw FALL_BACK;
    }
  }

  private array(): unknown[] {
    this.at++;
    this.skipSpace();
    const first = this.bytes[this.at];
    if (first === 0x5d) {
      this.at++;
      return [];
    }
    let out: unknown[];
    if (first === MINUS || (first !== undefined && first >= ZERO && first <= NINE)) {
      const numbers = this.numbers();
      if (this.bytes[this.at - 1] === 0x5d) return numbers;
      out = numbers;
    } else out = [];
    for (;;) {
      out.push(this.value());
      this.skipSpace();
      const c = this.bytes[this.at++];
      if (c === 0x5d) return out;
      if (c !== COMMA) throw FALL_BACK;
    }
  }

  /**
   * The common case of an array of numbers (a signal), without a dispatch per element and in an
   * array of its own allocation site, so V8 keeps its elements unboxed. Stops after the closing
   * bracket, or after a comma followed by something other than a number.
   */
  private numbers(): number[] {
    const { bytes } = this;
    const out: number[] = [];
    for (;;) {
      out.push(this.number());
      let c = bytes[this.at++];
      if (c === COMMA) {
        c = bytes[this.at];
        if (c === MINUS || (c !== undefined && c >= ZERO && c <= NINE)) continue;
        return out;
      }
      if (c !== 0x5d) {
        this.at--;
        this.skipSpace();
        c = bytes[this.at++];
        if (c !== 0x5d && c !== COMMA) throw FALL_BACK;
      }
      return out;
    }
  }

  private string(): string {
    const { bytes } = this;
    const open = this.at;
    let ascii = true;
    let escaped = false;
    let at = open + 1;
    for (;;) {
      const c = bytes[at];
      if (c === undefined || c < 0x20) throw FALL_BACK;
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        at += 2;
        continue;
      }
      if (c >= 0x80) ascii = false;
      at++;
    }
    this.at = at + 1;
    if (escaped) return JSON.parse(bytes.toString('utf8', open, at + 1)) as string;
    return bytes.toString(ascii ? 'latin1' : 'utf8', open + 1, at);
  }

  /**
   * A JSON number: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?. Reads past the end of the bytes give NaN
   * digits, which end a loop like any other non-digit.
   */
  private number(): number {
    const { bytes } = this;
    const begin = this.at;
    let at = begin;
    const negative = bytes[at] === MINUS;
    if (negative) at++;
    let high = 0;
    let low = 0;
    let significant = 0;
    let exponent = 0;
    let d = bytes[at]! - ZERO;
    if (d === 0) d = bytes[++at]! - ZERO;
    else if (!(d >= 1 && d <= 9)) throw FALL_BACK;
    else {
      do {
        if (significant < HIGH_DIGITS) high = high * 10 + d;
        else if (significant < MAX_DIGITS) low = low * 10 + d;
        else exponent++;
        significant++;
        d = bytes[++at]! - ZERO;
      } while (d >= 0 && d <= 9);
    }
    if (d === DOT - ZERO) {
      d = bytes[++at]! - ZERO;
      if (!(d >= 0 && d <= 9)) throw FALL_BACK;
      if (significant === 0) {
        while (d === 0) {
          exponent--;
          d = bytes[++at]! - ZERO;
        }
      }
      const taken = at;
      while (d >= 0 && d <= 9 && significant < HIGH_DIGITS) {
        high = high * 10 + d;
        significant++;
        d = bytes[++at]! - ZERO;
      }
      while (d >= 0 && d <= 9 && significant < MAX_DIGITS) {
        low = low * 10 + d;
        significant++;
        d = bytes[++at]! - ZERO;
      }
      exponent -= at - taken;
      while (d >= 0 && d <= 9) {
        significant++;
        d = bytes[++at]! - ZERO;
      }
    }
    if (d === E_LOWER - ZERO || d === E_UPPER - ZERO) {
      at = this.exponentPart(at + 1);
      exponent += this.writtenExponent;
    }
    this.at = at;
    let value = Number.NaN;
    if (significant <= MAX_DIGITS) {
      const lowDigits = significant > HIGH_DIGITS ? significant - HIGH_DIGITS : 0;
      value = decimalToDouble(high, low, lowDigits, exponent);
    }
    if (Number.isNaN(value))
      value = Number(bytes.toString('latin1', negative ? begin + 1 : begin, at));
    return negative ? -value : value;
  }

  private writtenExponent = 0;

  /** Reads `[+-]?d+` from `at`; leaves the value in writtenExponent, returns the end. */
  private exponentPart(at: number): number {
    const { bytes } = this;
    let c = bytes[at];
    const sign = c === MINUS ? -1 : 1;
    if (c === MINUS || c === PLUS) c = bytes[++at];
    if (c === undefined || c < ZERO || c > NINE) throw FALL_BACK;
    let written = 0;
    while (c !== undefined && c >= ZERO && c <= NINE) {
      // Anything past 10^6 is far outside double range; the value only needs to stay huge.
      if (written < 1e6) written = written * 10 + (c - ZERO);
      c = bytes[++at];
    }
    this.writtenExponent = sign * written;
    return at;
  }
}
