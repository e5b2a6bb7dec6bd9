/** Small text helpers of the HTML report: escaping and number formats. Pure. */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A p-value: fixed to 4 places, in exponent form when smaller than 1e-4 (0 stays "0"). */
export function formatP(p: number): string {
  if (p === 0) return '0';
  return p < 1e-4 ? p.toExponential(2) : p.toFixed(4);
}

/** A statistic to `digits` places. */
export function formatNumber(value: number, digits = 4): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** A share as a percentage with one decimal. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A bin edge: short, and in exponent form only for very large or small magnitudes. */
export function formatEdge(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5)) return value.toExponential(2);
  return Number(value.toPrecision(3)).toString();
}
