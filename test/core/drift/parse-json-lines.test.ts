import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../core/src/drift/parse-json-lines.js';

describe('parseJsonLines', () => {
  it('collects the keys in first-seen order and skips blank lines', () => {
    const parsed = parseJsonLines('{"a":1,"b":"x"}\n\n{"b":"y","c":null}\r\n');
    expect(parsed.columns).toEqual(['a', 'b', 'c']);
    expect(parsed.rows).toEqual([
      { a: 1, b: 'x' },
      { b: 'y', c: null },
    ]);
    expect(parsed.lines).toEqual([1, 3]);
  });

  it('names the line that is not JSON or not an object', () => {
    expect(() => parseJsonLines('{"a":1}\n{"a":\n')).toThrow(/the line is not valid JSON/);
    try {
      parseJsonLines('{"a":1}\n\n[1,2]\n');
    } catch (error) {
      expect(error).toMatchObject({
        message: 'the line is not a JSON object',
        location: { line: 3, row: 2 },
      });
      return;
    }
    throw new Error('parseJsonLines accepted an array');
  });
});
