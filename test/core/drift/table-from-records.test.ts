import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../core/src/drift/parse-csv.js';
import { parseJsonLines } from '../../../core/src/drift/parse-json-lines.js';
import { tableFromRecords } from '../../../core/src/drift/table-from-records.js';

const roles = { features: ['x', 'y'], target: 'label', prediction: 'prediction' };

describe('tableFromRecords', () => {
  it('types CSV cells: numbers for features, labels with unknown targets as null', () => {
    const records = parseCsv('x,y,label,prediction\n1.5,-2e3,a,b\n .25 ,+7,,c\n');
    const table = tableFromRecords(records, roles);
    expect(table.rowCount).toBe(2);
    expect(Array.from(table.features.x!)).toEqual([1.5, 0.25]);
    expect(Array.from(table.features.y!)).toEqual([-2000, 7]);
    expect(table.target).toEqual(['a', null]);
    expect(table.prediction).toEqual(['b', 'c']);
  });

  it('types JSON Lines values the same way, numbers as labels included', () => {
    const records = parseJsonLines(
      '{"x":1,"y":"2","label":null,"prediction":3}\n{"x":4,"y":5,"prediction":"p"}\n',
    );
    const table = tableFromRecords(records, roles);
    expect(Array.from(table.features.y!)).toEqual([2, 5]);
    expect(table.target).toEqual([null, null]);
    expect(table.prediction).toEqual(['3', 'p']);
  });

  it('leaves out the prediction and target when their roles are null', () => {
    const table = tableFromRecords(parseCsv('x,y\n1,2\n'), {
      features: ['x', 'y'],
      target: null,
      prediction: null,
    });
    expect(table.prediction).toBeUndefined();
    expect(table.target).toBeUndefined();
  });

  it.each([
    ['abc', '"abc" is not a finite number'],
    ['', 'an empty value is not a finite number'],
    ['NaN', '"NaN" is not a finite number'],
    ['1e999', '"1e999" is not a finite number'],
    ['0x10', '"0x10" is not a finite number'],
  ])('rejects the feature cell %j, naming line, row and column', (cell, message) => {
    const records = parseCsv(`x,y,label,prediction\n1,2,a,a\n3,${cell},a,a\n`);
    expect(() => tableFromRecords(records, roles)).toThrow(
      expect.objectContaining({ message, location: { line: 3, row: 2, column: 'y' } }),
    );
  });

  it('rejects a missing prediction and a missing JSON feature', () => {
    expect(() => tableFromRecords(parseCsv('x,y,label,prediction\n1,2,a,\n'), roles)).toThrow(
      'the prediction is missing',
    );
    expect(() =>
      tableFromRecords(
        parseJsonLines('{"x":1,"y":2,"label":"a","prediction":"a"}\n{"x":1}'),
        roles,
      ),
    ).toThrow(expect.objectContaining({ message: 'a missing value is not a finite number' }));
  });

  it('rejects a role column the records do not have', () => {
    expect(() => tableFromRecords(parseCsv('x,label,prediction\n1,a,a\n'), roles)).toThrow(
      'there is no column "y"',
    );
  });

  it('reads probability columns into one row of class probabilities per record', () => {
    const withProbabilities = { ...roles, probabilities: { a: 'p_a', b: 'p_b' } };
    const csv = 'x,y,label,prediction,p_a,p_b\n1,2,a,a,0.75,0.25\n3,4,,b,0,1\n';
    const table = tableFromRecords(parseCsv(csv), withProbabilities);
    expect(table.probabilities).toEqual([
      { a: 0.75, b: 0.25 },
      { a: 0, b: 1 },
    ]);
    expect(tableFromRecords(parseCsv(csv), roles).probabilities).toBeUndefined();
  });

  it('rejects a probability outside [0, 1] and a missing probability column', () => {
    const withProbabilities = { ...roles, probabilities: { a: 'p_a' } };
    expect(() =>
      tableFromRecords(parseCsv('x,y,label,prediction,p_a\n1,2,a,a,1.5\n'), withProbabilities),
    ).toThrow(expect.objectContaining({ message: '1.5 is not a probability in [0, 1]' }));
    expect(() =>
      tableFromRecords(parseCsv('x,y,label,prediction\n1,2,a,a\n'), withProbabilities),
    ).toThrow('there is no column "p_a"');
  });
});
