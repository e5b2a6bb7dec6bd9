import { describe, expect, it } from 'vitest';
import { encodeVarint, ProtoWriter } from '../../../reference-data/src/model/protobuf-writer.js';

const bytesOf = (writer: ProtoWriter) => Array.from(writer.finish());

// Expected bytes are the worked examples of the protobuf encoding guide, plus values derived by
// hand from the varint rule (7 bits per byte, low group first, high bit = more).
describe('encodeVarint', () => {
  it('encodes small and multi-byte values', () => {
    expect(Array.from(encodeVarint(0))).toEqual([0x00]);
    expect(Array.from(encodeVarint(1))).toEqual([0x01]);
    expect(Array.from(encodeVarint(127))).toEqual([0x7f]);
    expect(Array.from(encodeVarint(128))).toEqual([0x80, 0x01]);
    expect(Array.from(encodeVarint(300))).toEqual([0xac, 0x02]);
    expect(Array.from(encodeVarint(2 ** 32))).toEqual([0x80, 0x80, 0x80, 0x80, 0x10]);
    expect(Array.from(encodeVarint(Number.MAX_SAFE_INTEGER))).toEqual([
      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f,
    ]);
  });

  it('encodes negative int64 values as ten-byte two’s complement', () => {
    expect(Array.from(encodeVarint(-1))).toEqual([
      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
    ]);
    expect(Array.from(encodeVarint(-2))).toEqual([
      0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
    ]);
    expect(Array.from(encodeVarint(-(2n ** 63n)))).toEqual([
      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01,
    ]);
  });

  it('rejects values that are not safe integers', () => {
    expect(() => encodeVarint(1.5)).toThrow(/encodeVarint requires a safe integer/);
    expect(() => encodeVarint(2 ** 60)).toThrow(/encodeVarint requires a safe integer/);
  });
});

describe('ProtoWriter', () => {
  it('writes a varint field with its tag', () => {
    expect(bytesOf(new ProtoWriter().int64(1, 150))).toEqual([0x08, 0x96, 0x01]);
    expect(bytesOf(new ProtoWriter().int64(1, -1))).toEqual([0x08, ...encodeVarint(-1)]);
    expect(bytesOf(new ProtoWriter().packedInt64s(1, [-1, 300]))).toEqual([
      0x0a,
      0x0c,
      ...encodeVarint(-1),
      0xac,
      0x02,
    ]);
  });

  it('writes a length-delimited UTF-8 string', () => {
    expect(bytesOf(new ProtoWriter().string(2, 'testing'))).toEqual([
      0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67,
    ]);
    expect(bytesOf(new ProtoWriter().string(1, 'é'))).toEqual([0x0a, 0x02, 0xc3, 0xa9]);
    expect(bytesOf(new ProtoWriter().string(1, ''))).toEqual([0x0a, 0x00]);
    const long = 'aé'.repeat(50);
    expect(bytesOf(new ProtoWriter().string(1, long))).toEqual([
      0x0a,
      0x96,
      0x01,
      ...new TextEncoder().encode(long),
    ]);
  });

  it('writes an embedded message as a length-delimited field', () => {
    const writer = new ProtoWriter().message(3, (inner) => inner.int64(1, 150));
    expect(bytesOf(writer)).toEqual([0x1a, 0x03, 0x08, 0x96, 0x01]);
  });

  it('writes packed repeated int64 values', () => {
    expect(bytesOf(new ProtoWriter().packedInt64s(4, [3, 270, 86942]))).toEqual([
      0x22, 0x06, 0x03, 0x8e, 0x02, 0x9e, 0xa7, 0x05,
    ]);
  });

  it('writes floats as little-endian IEEE 754 singles, alone and packed', () => {
    expect(bytesOf(new ProtoWriter().float(2, 1.5))).toEqual([0x15, 0x00, 0x00, 0xc0, 0x3f]);
    expect(bytesOf(new ProtoWriter().packedFloats(7, [1, -2]))).toEqual([
      0x3a, 0x08, 0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0,
    ]);
  });

  it('uses multi-byte tags for field numbers above 15', () => {
    expect(bytesOf(new ProtoWriter().int64(20, 7))).toEqual([0xa0, 0x01, 0x07]);
  });

  it('grows past its initial buffer without losing bytes', () => {
    const text = 'x'.repeat(1000);
    const bytes = new ProtoWriter().string(1, text).int64(2, 1).finish();
    expect(bytes.length).toBe(1 + 2 + 1000 + 2);
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0x0a, 0xe8, 0x07]);
    expect(Array.from(bytes.subarray(-2))).toEqual([0x10, 0x01]);
  });
});
