/**
 * Orders strings by Unicode code point, as Python's `sorted` does. JavaScript's default order
 * compares UTF-16 code units, which puts characters above U+FFFF before U+E000–U+FFFF.
 *
 * O(length of the common prefix). Never throws.
 */
export function compareCodePoints(a: string, b: string): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      // Equal code units before i, so both positions start or continue the same kind of unit.
      return a.codePointAt(i)! - b.codePointAt(i)!;
    }
  }
  return a.length - b.length;
}
