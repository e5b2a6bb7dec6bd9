import { describe, expect, it } from 'vitest';
import { parseJsonBytes } from '../../../../prediction-service/src/predict/json/parse-json-bytes.js';
import { exactTie, nearMidpoint, nextUp, seeded } from './decimal-cases.js';

/** Reads number texts as one JSON array and compares each with Number(), bit for bit. */
function expectAsNumber(texts: readonly string[]): void {
  const parsed = parseJsonBytes(Buffer.from(`[${texts.join(',')}]`)) as number[];
  const wrong = texts.filter((text, i) => !Object.is(parsed[i], Number(text)));
  expect(wrong).toEqual([]);
}

describe('JSON numbers read from bytes', () => {
  it('equal Number() for the shortest texts of random doubles across magnitudes', () => {
    const random = seeded(1);
    const texts: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 40 - 20);
      const x = (random() - 0.5) * 4 * magnitude;
      texts.push(JSON.stringify(x));
    }
    expectAsNumber(texts);
  });

  it('equal Number() for sensor-like values printed with every digit count from 1 to 17', () => {
    const random = seeded(2);
    const texts: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const x = (random() - 0.5) * 600;
      texts.push(x.toPrecision(1 + (i % 17)), x.toExponential(i % 17));
    }
    expectAsNumber(texts);
  });

  it('equal Number() over the whole exact-division domain: 16–17 digits, exponent −1 to −18', () => {
    const random = seeded(6);
    const texts: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const sixteen = i % 2 === 0;
      const low = sixteen ? 2 ** 53 : 1e16;
      const span = sixteen ? 1e16 - 2 ** 53 : 9e16;
      const digits = BigInt(low) + BigInt(Math.floor(random() * span));
      texts.push(`${digits}e-${1 + (i % 18)}`);
    }
    expectAsNumber(texts);
  });

  it('round 17-digit decimals just below and above a midpoint to the side they are on', () => {
    const random = seeded(3);
    const texts: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = (0.001 + random() * 2) * 10 ** Math.floor(random() * 20 - 3);
      texts.push(...nearMidpoint(x));
    }
    expectAsNumber(texts);
    // The pair really straddles the midpoint: Number() puts them on different doubles.
    const [below, above] = nearMidpoint(0.7877657768725429);
    expect(Number(below)).toBe(0.7877657768725429);
    expect(Number(above)).toBe(nextUp(0.7877657768725429));
  });

  it('use the halved spacing below a power of two', () => {
    // Every 17- and 16-digit decimal within 300 steps of the midpoints around 2^k: the lower
    // one lies in the narrower gap under 2^k, where a candidate of 2^k must step down sooner.
    const texts: string[] = [];
    for (let k = -7; k <= 56; k++) {
      const power = 2 ** k;
      const below = power - power * 2 ** -54; // the double just under 2^k
      for (const digits of [16, 17]) {
        for (const x of [below, power]) {
          const [mantissa, exponent] = nearMidpoint(x, digits)[0].split('e');
          for (let step = -300n; step <= 300n; step++) {
            texts.push(`${BigInt(mantissa!) + step}e${exponent}`);
          }
        }
      }
    }
    expectAsNumber(texts);
    expectAsNumber(['15624999999999999e-18', '49999999999999997e-17', '9999999999999999e-16']);
  });

  it('round exact ties to the even double', () => {
    const random = seeded(4);
    const texts = Array.from({ length: 20_000 }, () => exactTie(random));
    expectAsNumber(texts);
    expect(parseJsonBytes(Buffer.from('4503599627370496.5'))).toBe(4503599627370496);
    expect(parseJsonBytes(Buffer.from('4503599627370497.5'))).toBe(4503599627370498);
  });

  it('keep signed zeros, extremes and long or unusual texts exact', () => {
    expectAsNumber([
      '0',
      '-0',
      '0.0',
      '-0.000',
      '0e5',
      '-0E-5',
      '1',
      '-1',
      '9007199254740992',
      '9007199254740993',
      '9007199254740995',
      '18014398509481985',
      '1e22',
      '1e23',
      '-1e-22',
      '1.7976931348623157e308',
      '1.7976931348623159e308',
      '5e-324',
      '2.4703282292062327e-324',
      '2.2250738585072014e-308',
      '123456789012345678901234567890',
      '0.1',
      '0.30000000000000004',
      '1.00000000000000011102230246251565404236316680908203125',
      '3.0e+2',
      '7E0',
      '1e-400',
      '0.000000000000000000000000001234567890123456',
      '12345678901234567e-18',
      '99999999999999999e-1',
      '1e1000000000',
    ]);
  });

  it('has the shared test cases straddle the midpoint as claimed', () => {
    // nearMidpoint itself is checked against Number(): the two texts must round apart.
    const random = seeded(5);
    for (let i = 0; i < 200; i++) {
      const x = 0.01 + random() * 1000;
      const [below, above] = nearMidpoint(x);
      expect([Number(below), Number(above)]).toEqual([x, nextUp(x)]);
    }
  });
});
