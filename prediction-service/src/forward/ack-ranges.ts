/**
 * Acknowledgement marks of an outbox segment. Each line of a `.acks` file (framed like every log
 * record) lists acknowledged records by their byte ranges in the `.events` file, contiguous
 * records merged: `@0+52344,60000+1012`. Byte offsets, unlike record numbers, stay right when
 * recovery skips a damaged record. Lines of bare record numbers (`0-499,640`), written by earlier
 * versions, are still read.
 */

export interface RecordSpan {
  readonly offset: number;
  readonly length: number;
}

/** The spans of `records` as merged ranges, in the acks line format. */
export function encodeAckRanges(records: readonly RecordSpan[]): string {
  const sorted = [...records].sort((a, b) => a.offset - b.offset);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const start = sorted[i]!.offset;
    let end = start + sorted[i]!.length;
    while (i + 1 < sorted.length && sorted[i + 1]!.offset === end) end += sorted[++i]!.length;
    ranges.push(`${start}+${end - start}`);
    i++;
  }
  return `@${ranges.join(',')}`;
}

/** What a segment's acks file says was acknowledged. */
export interface AckMarks {
  /** Acknowledged byte ranges as [start, end) pairs. */
  ranges: [number, number][];
  /** Record numbers from lines of the earlier format. */
  legacyIndices: Set<number>;
}

/** Adds one acks line to `into`; ignores what it cannot read. */
export function decodeAckLine(line: string, into: AckMarks): void {
  if (line.startsWith('@')) {
    for (const range of line.slice(1).split(',')) {
      const [offset, length] = range.split('+').map(Number);
      if (Number.isInteger(offset) && Number.isInteger(length)) {
        into.ranges.push([offset!, offset! + length!]);
      }
    }
    return;
  }
  for (const run of line.split(',')) {
    const [from, to = from] = run.split('-').map(Number);
    if (!Number.isInteger(from) || !Number.isInteger(to)) continue;
    for (let i = from!; i <= to!; i++) into.legacyIndices.add(i);
  }
}

/**
 * A test of whether a record is acknowledged, for records visited in file order: the ranges are
 * sorted once and walked with the records, so a segment costs O(r log r + n).
 */
export function ackedInOrder(marks: AckMarks): (record: RecordSpan, index: number) => boolean {
  const ranges = [...marks.ranges].sort((a, b) => a[0] - b[0]);
  let next = 0;
  let coveredTo = -1;
  return (record, index) => {
    while (next < ranges.length && ranges[next]![0] <= record.offset) {
      coveredTo = Math.max(coveredTo, ranges[next]![1]);
      next++;
    }
    return record.offset + record.length <= coveredTo || marks.legacyIndices.has(index);
  };
}
