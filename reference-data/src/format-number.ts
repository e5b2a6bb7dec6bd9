/**
 * The shortest decimal that reads back as the same float32: a probability computed in float32
 * printed with 6–9 significant digits instead of the 17 of its float64 widening.
 */
export function shortestFloat32(value: number): string {
  const target = Math.fround(value);
  for (let digits = 1; digits < 9; digits++) {
    const text = formatPrecision(target, digits);
    if (Math.fround(Number(text)) === target) return text;
  }
  return formatPrecision(target, 9);
}

function formatPrecision(value: number, digits: number): string {
  return String(Number(value.toPrecision(digits)));
}

/** CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
