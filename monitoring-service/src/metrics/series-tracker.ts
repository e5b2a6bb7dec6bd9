/**
 * Replaces a dataset's series of a labelled gauge as a whole: series published last time but
 * absent now are removed, so a feature or class that disappears does not leave a stale value.
 */
import type { Gauge, LabelValues } from 'prom-client';

export interface Series<L extends string> {
  labels: LabelValues<L>;
  value: number;
}

export class SeriesTracker {
  private readonly published = new Map<
    Gauge<string>,
    Map<string, Map<string, LabelValues<string>>>
  >();

  /** Sets exactly `series` for `dataset` on `gauge` (each series' labels include the dataset). */
  replace<L extends string>(gauge: Gauge<L>, dataset: string, series: readonly Series<L>[]): void {
    const byDataset = this.published.get(gauge as Gauge<string>) ?? new Map();
    this.published.set(gauge as Gauge<string>, byDataset);
    const before: Map<string, LabelValues<L>> = byDataset.get(dataset) ?? new Map();
    const now = new Map<string, LabelValues<L>>();
    for (const { labels, value } of series) {
      gauge.set(labels, value);
      now.set(keyOf(labels), labels);
    }
    for (const [key, labels] of before) if (!now.has(key)) gauge.remove(labels);
    byDataset.set(dataset, now);
  }

  clear<L extends string>(gauge: Gauge<L>, dataset: string): void {
    this.replace(gauge, dataset, []);
  }
}

function keyOf(labels: LabelValues<string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}
