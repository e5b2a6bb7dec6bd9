import type { BinShares } from '@driftwatch/core/drift/bin-shares';
import { escapeHtml, formatEdge, formatPercent } from './html-text.js';

const WIDTH = 240;
const HEIGHT = 64;
const BASELINE = HEIGHT - 4;
const TOP = 4;

/**
 * A small inline SVG overlaying the reference and current shares of one feature over the
 * reference's PSI bins: per bin a reference bar with the current bar beside it, on one scale.
 * The title and description carry the same numbers as text for screen readers. Pure.
 */
export function distributionChart(feature: string, shares: BinShares, id: string): string {
  const bins = shares.reference.length;
  const highest = Math.max(...shares.reference, ...shares.current, 1e-9);
  const slot = WIDTH / bins;
  const bar = Math.max((slot - 4) / 2, 1);
  const height = (share: number) => ((BASELINE - TOP) * share) / highest;
  const bars = shares.reference.map((reference, bin) => {
    const x = bin * slot + 2;
    const current = shares.current[bin] ?? 0;
    return rect('ref', x, height(reference), bar) + rect('cur', x + bar, height(current), bar);
  });
  const title = `Distribution of ${feature}: reference and current share per reference bin`;
  return (
    `<svg class="dist" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" ` +
    `role="img" aria-labelledby="${id}-t ${id}-d" preserveAspectRatio="none">` +
    `<title id="${id}-t">${escapeHtml(title)}</title>` +
    `<desc id="${id}-d">${escapeHtml(binDescription(shares))}</desc>` +
    `<line class="axis" x1="0" y1="${BASELINE}" x2="${WIDTH}" y2="${BASELINE}"/>` +
    `${bars.join('')}</svg>`
  );
}

function rect(kind: 'ref' | 'cur', x: number, height: number, width: number): string {
  const y = BASELINE - height;
  return `<rect class="${kind}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${height.toFixed(1)}"/>`;
}

/** "below 0.1: reference 10.0%, current 12.0%; 0.1 to 0.2: …" for every bin. */
export function binDescription(shares: BinShares): string {
  const { edges } = shares;
  return shares.reference
    .map((reference, bin) => {
      const range =
        edges.length === 0
          ? 'all values'
          : bin === 0
            ? `below ${formatEdge(edges[0] ?? Number.POSITIVE_INFINITY)}`
            : bin === edges.length
              ? `${formatEdge(edges[bin - 1]!)} and above`
              : `${formatEdge(edges[bin - 1]!)} to ${formatEdge(edges[bin]!)}`;
      const current = shares.current[bin] ?? 0;
      return `${range}: reference ${formatPercent(reference)}, current ${formatPercent(current)}`;
    })
    .join('; ');
}
