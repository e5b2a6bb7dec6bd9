import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../core/src/drift/parse-csv.js';
import { TableInputError } from '../../../core/src/drift/table-input-error.js';

function errorOf(text: string): TableInputError {
  try {
    parseCsv(text);
  } catch (error) {
    if (error instanceof TableInputError) return error;
    throw error;
  }
  throw new Error('parseCsv accepted the text');
}

describe('parseCsv', () => {
  it('reads a header and rows of string cells with their lines', () => {
    expect(parseCsv('a,b\n1,x\n2,y\n')).toEqual({
      columns: ['a', 'b'],
      rows: [
        { a: '1', b: 'x' },
        { a: '2', b: 'y' },
      ],
      lines: [2, 3],
    });
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const parsed = parseCsv('x,label\n1,"Curl, hammer"\n2,"say ""hi"""\n3,"two\nlines"\n4,""\n');
    expect(parsed.rows.map((r) => r.label)).toEqual(['Curl, hammer', 'say "hi"', 'two\nlines', '']);
    expect(parsed.lines).toEqual([2, 3, 4, 6]);
  });

  it('accepts CRLF line ends, a byte-order mark, blank lines and no final newline', () => {
    const parsed = parseCsv('\uFEFFa,b\r\n1,2\r\n\r\n3,4');
    expect(parsed.columns).toEqual(['a', 'b']);
    expect(parsed.rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
    expect(parsed.lines).toEqual([2, 4]);
  });

  it('keeps empty cells as empty strings', () => {
    expect(parseCsv('a,b,c\n,,\n').rows).toEqual([{ a: '', b: '', c: '' }]);
  });

  it('names the line of a row with the wrong number of fields', () => {
    const error = errorOf('a,b\n1,2\n3\n');
    expect(error.message).toBe('the row has 1 fields where the header has 2');
    expect(error.location).toEqual({ line: 3, row: 2 });
  });

  it('rejects an unterminated quote, text after a quote, and bad headers', () => {
    expect(errorOf('a\n"open\n').message).toBe('a quoted field is never closed');
    expect(errorOf('a,b\n"x"y,2\n').message).toBe('text follows a closing quote');
    expect(errorOf('').message).toBe('the header row is missing');
    expect(errorOf('a,a\n1,2\n').message).toBe('column "a" appears twice in the header');
    expect(errorOf('a,\n1,2\n').message).toBe('column 2 of the header has no name');
  });
});
