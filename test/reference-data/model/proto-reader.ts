/** A protobuf wire-format reader for inspecting exported models in tests (no schema, no packing). */
export interface ProtoField {
  field: number;
  wireType: number;
  varint: bigint;
  bytes: Uint8Array;
}

const utf8 = new TextDecoder();

function readVarint(bytes: Uint8Array, at: { pos: number }): bigint {
  let value = 0n;
  let shift = 0n;
  for (;;) {
    const byte = bytes[at.pos++];
    if (byte === undefined) throw new Error('readVarint ran past the end of the message');
    value |= BigInt(byte & 0x7f) << shift;
    if (byte < 0x80) return value;
    shift += 7n;
  }
}

/** Top-level fields of one message, in order. Handles wire types 0, 2 and 5. */
export function readFields(bytes: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  const at = { pos: 0 };
  while (at.pos < bytes.length) {
    const key = Number(readVarint(bytes, at));
    const field: ProtoField = {
      field: key >> 3,
      wireType: key & 7,
      varint: 0n,
      bytes: new Uint8Array(),
    };
    if (field.wireType === 0) field.varint = readVarint(bytes, at);
    else if (field.wireType === 2) {
      const length = Number(readVarint(bytes, at));
      field.bytes = bytes.subarray(at.pos, at.pos + length);
      at.pos += length;
    } else if (field.wireType === 5) {
      field.bytes = bytes.subarray(at.pos, at.pos + 4);
      at.pos += 4;
    } else throw new Error(`readFields cannot read wire type ${field.wireType}`);
    fields.push(field);
  }
  return fields;
}

/** The fields numbered `field`. */
export function fieldsNumbered(fields: ProtoField[], field: number): ProtoField[] {
  return fields.filter((f) => f.field === field);
}

/** The UTF-8 text of the single field numbered `field`. */
export function textOf(fields: ProtoField[], field: number): string {
  const [only, ...rest] = fieldsNumbered(fields, field);
  if (!only || rest.length > 0) throw new Error(`textOf expects exactly one field ${field}`);
  return utf8.decode(only.bytes);
}
