/**
 * A fitted reference profile as bytes and back, exactly: typed arrays are stored as raw bytes
 * in this machine's byte order (the bytes are a local cache) after a JSON header, Maps as entry lists, and the numbers JSON cannot hold
 * (-0, NaN, ±Infinity) by name, so a decoded profile gives byte-identical reports.
 *
 * Layout: "DWP1", the header's byte length (uint32 LE), the UTF-8 JSON header, then the arrays'
 * bytes, each 8-byte aligned. decodeProfile throws on anything else.
 */
import type { ReferenceProfile } from '@driftwatch/core/drift/engine-api';

const MAGIC = 'DWP1';
type ArrayKind = 'f64' | 'i32';
const ARRAYS = { f64: Float64Array, i32: Int32Array } as const;

/** Encodes a profile with what identifies it (`key`), checked again on decoding. */
export function encodeProfile(profile: ReferenceProfile, key: string): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  const header = JSON.stringify({ key, profile }, function (this: unknown, name, value) {
    const raw = (this as Record<string, unknown>)[name];
    if (raw instanceof Float64Array || raw instanceof Int32Array) {
      const kind: ArrayKind = raw instanceof Float64Array ? 'f64' : 'i32';
      const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      const padding = (8 - (bytes.length % 8)) % 8;
      chunks.push(bytes, Buffer.alloc(padding));
      const entry = { $array: kind, offset, length: raw.length };
      offset += bytes.length + padding;
      return entry;
    }
    if (raw instanceof Map) return { $map: [...raw.entries()] };
    if (typeof raw === 'number' && (!Number.isFinite(raw) || Object.is(raw, -0))) {
      return { $number: Object.is(raw, -0) ? '-0' : String(raw) };
    }
    return value;
  });
  const headerBytes = Buffer.from(header, 'utf8');
  const headerPadding = (8 - ((8 + headerBytes.length) % 8)) % 8;
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length + headerPadding, 4);
  return Buffer.concat([prefix, headerBytes, Buffer.alloc(headerPadding, 0x20), ...chunks]);
}

/** The profile encoded in `bytes` under `key`; throws when the bytes are not one, or another key's. */
export function decodeProfile(bytes: Buffer, key: string): ReferenceProfile {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) {
    throw new Error('decodeProfile: not an encoded profile');
  }
  const headerEnd = 8 + bytes.readUInt32LE(4);
  const data = bytes.subarray(headerEnd);
  const parsed = JSON.parse(bytes.toString('utf8', 8, headerEnd), (_, value) => {
    if (value === null || typeof value !== 'object') return value;
    if ('$array' in value) return arrayAt(data, value);
    if ('$map' in value) return new Map(value.$map);
    if ('$number' in value) return Number(value.$number);
    return value;
  }) as { key: unknown; profile: ReferenceProfile };
  if (parsed.key !== key) throw new Error('decodeProfile: the profile is for other settings');
  return parsed.profile;
}

function arrayAt(data: Buffer, entry: { $array: ArrayKind; offset: number; length: number }) {
  const Type = ARRAYS[entry.$array];
  if (Type === undefined) throw new Error('decodeProfile: unknown array type');
  const end = entry.offset + entry.length * Type.BYTES_PER_ELEMENT;
  if (!(end <= data.length)) throw new Error('decodeProfile: truncated');
  // A copy, so the array owns aligned memory whatever the file buffer's offset.
  const copy = new Uint8Array(data.subarray(entry.offset, end));
  return new Type(copy.buffer);
}
