import { describe, expect, it } from 'vitest';
import {
  type AckMarks,
  ackedInOrder,
  decodeAckLine,
  encodeAckRanges,
} from '../../../prediction-service/src/forward/ack-ranges.js';

const span = (offset: number, length: number) => ({ offset, length });
const marks = (...lines: string[]) => {
  const into: AckMarks = { ranges: [], legacyIndices: new Set() };
  for (const line of lines) decodeAckLine(line, into);
  return into;
};

describe('acknowledgement ranges', () => {
  it('merges contiguous records into one byte range, in any order given', () => {
    expect(encodeAckRanges([span(40, 10), span(0, 20), span(20, 20), span(70, 5)])).toBe(
      '@0+50,70+5',
    );
  });

  it('marks exactly the records inside acknowledged ranges', () => {
    const acked = ackedInOrder(marks('@0+50,70+5', '@100+10'));
    const records = [
      span(0, 20),
      span(20, 30),
      span(50, 20),
      span(70, 5),
      span(75, 25),
      span(100, 10),
    ];
    expect(records.map((r, i) => acked(r, i))).toEqual([true, true, false, true, false, true]);
  });

  it('still reads record numbers written by earlier versions', () => {
    const acked = ackedInOrder(marks('0-1,3'));
    const records = [span(0, 9), span(9, 9), span(18, 9), span(27, 9)];
    expect(records.map((r, i) => acked(r, i))).toEqual([true, true, false, true]);
  });
});
