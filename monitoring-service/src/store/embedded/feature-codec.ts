/**
 * Feature vectors in the embedded log: names joined by U+0001 and the values as float64 (the
 * machine's byte order, little-endian on every platform we run) in base64. Formatting 65 doubles
 * as decimal text was the largest cost of an append; the binary form is exact and several times
 * cheaper to write and read.
 */

const SEPARATOR = '\u0001';

export interface EncodedFeatures {
  names: string;
  values: string;
}

export function encodeFeatures(features: Readonly<Record<string, number>>): EncodedFeatures {
  return new FeatureEncoder().encode(features);
}

/**
 * Encodes a stream of vectors that nearly always share one key order: keys are compared with the
 * previous vector's (property keys are interned, so this is cheap) and the joined names string is
 * rebuilt only when they differ.
 */
export class FeatureEncoder {
  private keys: string[] = [];
  private names = '';
  private values = new Float64Array(64);

  /** `sameNames` is true when the names are those of the previous call. */
  encode(features: Readonly<Record<string, number>>): EncodedFeatures & { sameNames: boolean } {
    let count = 0;
    let same = true;
    for (const name in features) {
      if (count === this.values.length) this.grow();
      if (same && this.keys[count] !== name) same = false;
      if (!same) this.keys[count] = name;
      this.values[count++] = features[name] as number;
    }
    const sameNames = same && count === this.keys.length;
    if (!sameNames) {
      this.keys.length = count;
      this.names = this.keys.join(SEPARATOR);
    }
    const values = Buffer.from(this.values.buffer, 0, count * 8).toString('base64');
    return { names: this.names, values, sameNames };
  }

  private grow(): void {
    const grown = new Float64Array(this.values.length * 2);
    grown.set(this.values);
    this.values = grown;
  }
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
