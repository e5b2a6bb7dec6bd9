import { describe, expect, it } from 'vitest';
import { parseCsvColumns } from '../../../core/src/drift/parse-csv-columns.js';
import { tableFromColumns } from '../../../core/src/drift/table-from-records.js';

/** The decimal text tableFromColumns documents, after trimming white space. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const CELLS = [
  ...['0', '-0', '+7', '.5', '5.', '-.5e3', '1.e5', '0e5', '00012', '1E-7', '2.5e+3'],
  ...['1.1930507107343784', '-7.405714719033554', '4.9e-324', '1.7976931348623157e308'],
  ...[' 1', '1 ', '\t-2\t', '\u00a03', ' .5 '],
  ...['', ' ', '-', '+', '.', 'e5', '.e5', '1e', '1e+', '--1', '+-1', '1..2', '1.2.3', '1_000'],
  ...['0x10', '0X1f', '0o7', '0b1', '0B1', ' 0x10', '-0x10', '+0b1', '0x', '0b'],
  ...['Infinity', '-Infinity', '+Infinity', 'NaN', '1e999', '-1e999', 'abc', '1abc', '1,5'],
];

describe('tableFromColumns', () => {
  it('reads a feature cell exactly when it is decimal text, as Number reads it', () => {
    for (const cell of CELLS.filter((c) => !c.includes(','))) {
      const text = cell.trim();
      const expected = DECIMAL.test(text) && Number.isFinite(Number(text)) ? Number(text) : null;
      const records = parseCsvColumns(`x,prediction\n"${cell}",a\n`);
      let read: number | null;
      try {
        read = tableFromColumns(records, { features: ['x'], target: null, prediction: null })
          .features.x![0]!;
      } catch {
        read = null;
      }
      expect(read, JSON.stringify(cell)).toBe(expected);
    }
  });

  it('gives the same table as reading the rows one by one', () => {
    const text = 'x,y,label,prediction\n1,2.5,a,b\n-3,4e2,,b\n';
    const records = parseCsvColumns(text);
    expect(records.rowCount).toBe(2);
    const table = tableFromColumns(records, {
      features: ['x', 'y'],
      target: 'label',
      prediction: 'prediction',
    });
    expect(table).toEqual({
      rowCount: 2,
      features: { x: Float64Array.from([1, -3]), y: Float64Array.from([2.5, 400]) },
      prediction: ['b', 'b'],
      target: ['a', null],
    });
  });
});

describe('parseCsvColumns', () => {
  it('gives each column’s cells in row order and each row’s line', () => {
    const parsed = parseCsvColumns('a,b\r\n1,"x\ny"\r\n\r\n2,""\r3,z');
    expect(parsed.columns).toEqual(['a', 'b']);
    expect(parsed.column('a')).toEqual(['1', '2', '3']);
    expect(parsed.column('b')).toEqual(['x\ny', '', 'z']);
    expect(parsed.lines).toEqual([2, 5, 6]);
  });

  it('reads a quoted empty line as a row, not as a blank line', () => {
    expect(parseCsvColumns('a\n""\n\n1\n').column('a')).toEqual(['', '1']);
  });

  it('counts lines inside quoted fields in the messages that follow', () => {
    expect(() => parseCsvColumns('a,b\n"1\n2",3\n4\n')).toThrow(
      expect.objectContaining({ location: { line: 4, row: 2 } }),
    );
  });
});
