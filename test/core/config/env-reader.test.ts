import { describe, expect, it } from 'vitest';
import { EnvError } from '../../../core/src/config/env-error.js';
import { EnvReader } from '../../../core/src/config/env-reader.js';

/** Reads with `read`, then returns what finish() threw (or undefined). */
function problemsOf(env: Record<string, string>, read: (r: EnvReader) => unknown) {
  const r = new EnvReader(env);
  read(r);
  try {
    r.finish();
    return undefined;
  } catch (error) {
    return error as EnvError;
  }
}

describe('EnvReader', () => {
  it('treats an empty string as unset for every kind of value', () => {
    const r = new EnvReader({ A: '', B: '', C: '', D: '', E: '', F: '', G: '' });
    expect(r.optional('A')).toBeUndefined();
    expect(r.string('A', 'x')).toBe('x');
    expect(r.port('B', 9696)).toBe(9696);
    expect(r.integer('C', 5, { min: 1 })).toBe(5);
    expect(r.number('D', 1.5)).toBe(1.5);
    expect(r.boolean('E', true)).toBe(true);
    expect(r.choice('F', ['a', 'b'], 'b')).toBe('b');
    expect(r.httpUrl('G', 'http://h:1')).toBe('http://h:1');
    expect(() => r.finish()).not.toThrow();
  });

  it('reads valid values', () => {
    const r = new EnvReader({ P: '0', I: '-3', N: '2.5', B: 'No', C: 'b', U: 'https://m:9/x' });
    expect(r.port('P', 1)).toBe(0);
    expect(r.integer('I', 0)).toBe(-3);
    expect(r.number('N', 0, 0)).toBe(2.5);
    expect(r.boolean('B', true)).toBe(false);
    expect(r.choice('C', ['a', 'b'] as const, 'a')).toBe('b');
    expect(r.httpUrl('U', 'http://x')).toBe('https://m:9/x');
    r.finish();
  });

  it('names the variable and the problem of a bad value', () => {
    const error = problemsOf({ PORT: 'abc' }, (r) => r.port('PORT', 1));
    expect(error).toBeInstanceOf(EnvError);
    expect(error?.problems).toEqual([
      { variable: 'PORT', problem: 'must be an integer in [0, 65535], got "abc"' },
    ]);
    expect(error?.message).toMatch(/PORT must be an integer in \[0, 65535\], got "abc"/);
  });

  it('rejects out-of-range, fractional and partly numeric integers', () => {
    for (const text of ['65536', '-1', '80.5', '80abc', '1e3', ' ']) {
      expect(problemsOf({ PORT: text }, (r) => r.port('PORT', 1))?.problems[0]?.variable).toBe(
        'PORT',
      );
    }
    expect(problemsOf({ PORT: '0' }, (r) => r.port('PORT', 1, 1))).toBeInstanceOf(EnvError);
  });

  it('rejects bad numbers, booleans, choices, patterns and URLs', () => {
    const error = problemsOf(
      { N: 'x', Z: '0', B: 'maybe', C: 'loud', M: 'http://x', U: 'ftp://x', V: 'not a url' },
      (r) => {
        r.number('N', 1);
        r.number('Z', 1, 0);
        r.boolean('B', false);
        r.choice('C', ['info'], 'info');
        r.matching('M', /^mongodb:\/\//, 'a mongodb:// URI');
        r.httpUrl('U', 'http://d');
        r.httpUrl('V', 'http://d');
      },
    );
    expect(error?.problems.map((p) => p.variable)).toEqual(['N', 'Z', 'B', 'C', 'M', 'U', 'V']);
  });

  it('reports every bad variable at once, in one error', () => {
    const error = problemsOf({ A: 'x', B: 'y' }, (r) => {
      r.integer('A', 0);
      r.integer('B', 0);
    });
    expect(error?.message).toMatch(/^invalid environment: A .*; B /);
  });
});
