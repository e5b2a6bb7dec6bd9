/**
 * Feature vectors in the embedded log: names joined by U+0001 and the values as float64 (the
 * machine's byte order, little-endian on every platform we run) in base64. Formatting 65 doubles as decimal text was the largest cost of an append;
 * the binary form is exact and several times cheaper to write and read.
 */

const SEPARATOR = '\u0001';

export interface EncodedFeatures {
  names: string;
  values: string;
}

export function encodeFeatures(features: Readonly<Record<string, number>>): EncodedFeatures {
  // One for-in pass over keys and values is several times faster than Object.keys + lookups.
  let names = '';
  let values = new Float64Array(64);
  let count = 0;
  for (const name in features) {
    if (count === values.length) {
      const grown = new Float64Array(values.length * 2);
      grown.set(values);
      values = grown;
    }
    names += count === 0 ? name : SEPARATOR + name;
    values[count++] = features[name] as number;
  }
  return { names, values: Buffer.from(values.buffer, 0, count * 8).toString('base64') };
}

export function decodeFeatures(encoded: EncodedFeatures): Record<string, number> {
  const names = encoded.names === '' ? [] : encoded.names.split(SEPARATOR);
  const buffer = Buffer.from(encoded.values, 'base64');
  if (buffer.length !== names.length * 8) {
    throw new Error(
      `embedded store: ${names.length} feature names but ${buffer.length / 8} values`,
    );
  }
  const features: Record<string, number> = {};
  for (let i = 0; i < names.length; i++) features[names[i]!] = buffer.readDoubleLE(i * 8);
  return features;
}
