import { describe, expect, it } from 'vitest';
import { parseJsonBytes } from '../../../../prediction-service/src/predict/json/parse-json-bytes.js';
import { seedWindow } from '../../helpers/windows.js';

/** What JSON.parse makes of the same bytes, or the error it throws. */
function viaJsonParse(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: String(error) };
  }
}

function viaBytes(bytes: Buffer): { value?: unknown; error?: string } {
  try {
    return { value: parseJsonBytes(bytes) };
  } catch (error) {
    return { error: String(error) };
  }
}

const documents: [string, string][] = [
  ['a window', JSON.stringify(seedWindow({ windowId: 'w-1', label: 'Squat' }))],
  ['a batch', JSON.stringify({ windows: [seedWindow(), seedWindow({}, 0.5)] })],
  ['a sample array', JSON.stringify([{ time: 0, accel_x: 1.5, label_group: 'Rest' }])],
  ['whitespace everywhere', ' \t\n{ "a" :\r [ 1 , 2 ,\n 3 ] , "b" : { } , "c" : [ ] }\n '],
  ['literals', '{"t":true,"f":false,"n":null,"list":[true,false,null]}'],
  ['escapes', '{"s":"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"}'],
  ['escaped keys', '{"k\\u0065y":1,"\\"":2}'],
  ['UTF-8 text', '{"name":"Übung – Kniebeuge 🏋","ok":"ascii"}'],
  ['duplicate keys (the last wins, first position)', '{"a":1,"b":2,"a":3}'],
  ['a __proto__ key', '{"__proto__":{"polluted":true},"x":1}'],
  ['index-like keys', '{"2":"b","1":"a","x":"c"}'],
  ['nested arrays', '[[[[]]],[[1],[2,[3]]]]'],
  ['numbers, then other values', '[1,-2.5,"three",[4],{"five":5},6e0 , 7,null]'],
  ['a top-level string', '"just text"'],
  ['a top-level number', '-12.5e-3'],
];

const invalid: [string, string][] = [
  ['a truncated body', '{"signals": ['],
  ['a leading zero', '[01]'],
  ['a bare minus', '[-]'],
  ['a dot without digits', '[1.]'],
  ['an exponent without digits', '[1e+]'],
  ['a trailing comma', '[1,2,]'],
  ['single quotes', "{'a':1}"],
  ['an unknown literal', '[nul]'],
  ['a control character in a string', '["a\u0001b"]'],
  ['a bad escape', '["\\x41"]'],
  ['trailing text', '{"a":1} x'],
  ['an empty body', ''],
  ['NaN', '[NaN]'],
];

describe('parseJsonBytes', () => {
  it.each(documents)('gives what JSON.parse gives for %s', (_name, text) => {
    const bytes = Buffer.from(text);
    const expected = viaJsonParse(text);
    expect(expected.error).toBeUndefined();
    const actual = viaBytes(bytes);
    expect(actual).toStrictEqual(expected);
    expect(Object.keys(actual.value ?? {})).toEqual(Object.keys(expected.value ?? {}));
  });

  it('reads a __proto__ key as an own property, not as the prototype', () => {
    const value = parseJsonBytes(Buffer.from('{"__proto__":{"polluted":true}}')) as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it.each(invalid)('throws the SyntaxError JSON.parse throws for %s', (_name, text) => {
    const expected = viaJsonParse(text);
    expect(expected.error).toMatch(/^SyntaxError/);
    expect(viaBytes(Buffer.from(text))).toStrictEqual(expected);
  });

  it('reads nesting deeper than its own recursion allows', () => {
    const depth = 100_000;
    let value = parseJsonBytes(Buffer.from(`${'['.repeat(depth)}7${']'.repeat(depth)}`));
    let levels = 0;
    // Counted, not asserted level by level: 100 000 expect calls took three seconds.
    let notSingle = 0;
    while (Array.isArray(value)) {
      if (value.length !== 1) notSingle++;
      value = value[0];
      levels++;
    }
    expect([levels, value, notSingle]).toEqual([depth, 7, 0]);
  });

  it('skips a leading byte-order mark', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(parseJsonBytes(Buffer.concat([bom, Buffer.from('{"a":[1.5]}')]))).toEqual({ a: [1.5] });
  });

  it('decodes invalid UTF-8 inside strings as JSON.parse of the decoded text does', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a":"x'),
      Buffer.from([0xe2, 0x28]),
      Buffer.from('y"}'),
    ]);
    expect(parseJsonBytes(bytes)).toStrictEqual(JSON.parse(bytes.toString('utf8')));
  });
});
