/**
 * A minimal protocol-buffers wire-format writer: just what serialising an ONNX ModelProto needs
 * (varints, 32-bit floats, length-delimited strings, bytes and sub-messages, packed repeated
 * scalars). Fields are written in call order.
 * Reference: protobuf "Encoding" specification (wire types 0, 2 and 5).
 */

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;
const utf8 = new TextEncoder();

/**
 * Varint bytes of an integer. Negative values are written as their 64-bit two's complement
 * (ten bytes), as protobuf does for int32/int64 fields.
 * Cost: O(1). Throws on non-integers and numbers outside the safe-integer range.
 */
export function encodeVarint(value: number | bigint): Uint8Array {
  const out: number[] = [];
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new Error(`encodeVarint requires a safe integer, got ${value}`);
    }
    if (value >= 0) {
      let v = value;
      while (v >= 0x80) {
        out.push((v % 0x80) | 0x80);
        v = Math.floor(v / 0x80);
      }
      out.push(v);
      return Uint8Array.from(out);
    }
  }
  let v = BigInt.asUintN(64, BigInt(value));
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Uint8Array.from(out);
}

/** Accumulates one message; sub-messages are built by nested writers and copied in. */
export class ProtoWriter {
  private buffer = new Uint8Array(256);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  private raw(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** Writes a varint in place; the allocation-free path for the common non-negative case. */
  private varint(value: number | bigint): this {
    if (typeof value !== 'number' || value < 0 || !Number.isSafeInteger(value)) {
      return this.raw(encodeVarint(value));
    }
    this.reserve(8);
    let v = value;
    while (v >= 0x80) {
      this.buffer[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buffer[this.length++] = v;
    return this;
  }

  private tag(field: number, wireType: number): this {
    return this.varint(field * 8 + wireType);
  }

  /** int32/int64/enum field (wire type 0). */
  int64(field: number, value: number | bigint): this {
    return this.tag(field, WIRE_VARINT).varint(value);
  }

  /** float field (wire type 5, little-endian IEEE 754 single). */
  float(field: number, value: number): this {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    return this.tag(field, WIRE_FIXED32).raw(bytes);
  }

  /** bytes or embedded-message field (wire type 2). */
  bytes(field: number, value: Uint8Array): this {
    return this.tag(field, WIRE_LENGTH_DELIMITED).raw(encodeVarint(value.length)).raw(value);
  }

  /** string field, UTF-8 encoded. */
  string(field: number, value: string): this {
    // Short strings (at most 127 bytes even if every character took 3) are encoded in place
    // behind a one-byte length: models hold hundreds of thousands of node-mode strings.
    if (value.length * 3 > 0x7f) return this.bytes(field, utf8.encode(value));
    this.tag(field, WIRE_LENGTH_DELIMITED).reserve(1 + value.length * 3);
    const { written } = utf8.encodeInto(value, this.buffer.subarray(this.length + 1));
    this.buffer[this.length] = written;
    this.length += 1 + written;
    return this;
  }

  /** Embedded message built by `build` on a fresh writer. */
  message(field: number, build: (writer: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  /** Packed repeated float field: one length-delimited run of 4-byte values. */
  packedFloats(field: number, values: ArrayLike<number>): this {
    const bytes = new Uint8Array(values.length * 4);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
    return this.bytes(field, bytes);
  }

  /** Packed repeated int64 field: one length-delimited run of varints. */
  packedInt64s(field: number, values: ArrayLike<number>): this {
    const inner = new ProtoWriter();
    for (let i = 0; i < values.length; i++) inner.varint(values[i]!);
    return this.bytes(field, inner.finish());
  }

  /** The bytes written so far (a copy). */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
