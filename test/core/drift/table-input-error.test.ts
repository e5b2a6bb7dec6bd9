import { describe, expect, it } from 'vitest';
import {
  formatTableInputError,
  TableInputError,
} from '../../../core/src/drift/table-input-error.js';

describe('formatTableInputError', () => {
  it('puts the file, line, row and column before the message', () => {
    const error = new TableInputError('"abc" is not a finite number', {
      line: 4,
      row: 3,
      column: 'f',
    });
    expect(formatTableInputError(error, 'cur.csv')).toBe(
      'cur.csv, line 4 (row 3), column "f": "abc" is not a finite number',
    );
  });

  it('leaves out what is not known', () => {
    expect(formatTableInputError(new TableInputError('there is no column "y"'), 'a.csv')).toBe(
      'a.csv: there is no column "y"',
    );
    expect(formatTableInputError(new TableInputError('bad', { row: 2 }), 'a.jsonl')).toBe(
      'a.jsonl, row 2: bad',
    );
  });
});
