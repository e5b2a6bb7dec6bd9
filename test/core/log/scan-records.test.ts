import { describe, expect, it } from 'vitest';
import { frameRecord } from '../../../core/src/log/record-framing.js';
import { scanRecords } from '../../../core/src/log/scan-records.js';

const payloads = ['{"a":1}', '{"b":"two"}', 'plain text', '{"c":[3,3,3]}'];
const log = () => Buffer.from(payloads.map(frameRecord).join(''));
const texts = (data: Buffer) => scanRecords(data).records.map((r) => r.payload.toString());

describe('scanRecords', () => {
  it('reads every record of an intact log with its offset and length', () => {
    const data = log();
    const { records, damaged, tornTail } = scanRecords(data);
    expect(records.map((r) => r.payload.toString())).toEqual(payloads);
    expect(records[1]).toMatchObject({ offset: 17, length: 21 });
    expect(damaged).toEqual([]);
    expect(tornTail).toBeUndefined();
  });

  it('loses only the record whose payload byte was flipped', () => {
    const data = log();
    data[20] = data[20]! ^ 0x04;
    const { damaged } = scanRecords(data);
    expect(texts(data)).toEqual([payloads[0], payloads[2], payloads[3]]);
    expect(damaged).toEqual([{ offset: 17, length: 21 }]);
  });

  it('resynchronises on the next header when a record lost its newline', () => {
    const data = log();
    data[16] = 0x41;
    expect(texts(data)).toEqual(payloads.slice(1));
    expect(scanRecords(data).damaged).toEqual([{ offset: 0, length: 17 }]);
  });

  it('resynchronises when a flipped byte became a newline inside a record', () => {
    const data = log();
    data[25] = 0x0a;
    expect(texts(data)).toEqual([payloads[0], payloads[2], payloads[3]]);
  });

  it('tells an incomplete last record (torn) from a damaged complete one', () => {
    const torn = Buffer.concat([log(), Buffer.from('0badc0de {"d":')]);
    expect(scanRecords(torn).tornTail).toEqual({ offset: log().length, length: 14 });
    expect(scanRecords(torn).damaged).toEqual([]);
    const damagedLast = log();
    damagedLast[damagedLast.length - 3] = 0x30;
    const result = scanRecords(damagedLast);
    expect(result.damaged).toHaveLength(1);
    expect(result.tornTail).toBeUndefined();
    expect(result.records).toHaveLength(3);
  });

  it('skips zeroed pages between intact records', () => {
    const data = Buffer.concat([log(), Buffer.alloc(4096), log()]);
    expect(texts(data)).toEqual([...payloads, ...payloads]);
    expect(scanRecords(data).damaged).toEqual([{ offset: log().length, length: 4096 }]);
  });
});
