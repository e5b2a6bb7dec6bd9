/**
 * Feature vectors in the embedded log: names joined by U+0001 and the values as little-endian
 * float64 in base64. Formatting 65 doubles as decimal text was the largest cost of an append;
 * the binary form is exact and several times cheaper to write and read.
 */

const SEPARATOR = '\u0001';

export interface EncodedFeatures {
  names: string;
  values: string;
}

export function encodeFeatures(features: Readonly<Record<string, number>>): EncodedFeatures {
  const names = Object.keys(features);
  const buffer = Buffer.allocUnsafe(names.length * 8);
  names.forEach((name, i) => {
    buffer.writeDoubleLE(features[name] as number, i * 8);
  });
  return { names: names.join(SEPARATOR), values: buffer.toString('base64') };
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
  names.forEach((name, i) => {
    features[name] = buffer.readDoubleLE(i * 8);
  });
  return features;
}
