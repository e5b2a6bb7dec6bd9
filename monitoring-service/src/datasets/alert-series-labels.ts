/**
 * Bounded label values for `monitoring_alerts_received_total`. Alert names come from outside (any
 * webhook caller), so each would otherwise become a series of its own: the project's own alert
 * names always keep theirs, up to `maxOtherNames` further names are kept in order of arrival, and
 * every later one is counted as `other`. `dataset` is a monitored dataset or empty.
 */
import { ALERT_NAMES } from '../metrics/zero-series.js';

/** The alert names of the project's Prometheus rules. */
export const KNOWN_ALERT_NAMES = ALERT_NAMES;

export const OTHER_ALERT_NAME = 'other';
export const DEFAULT_MAX_OTHER_ALERT_NAMES = 50;

export class AlertSeriesLabels {
  private readonly names = new Set<string>(KNOWN_ALERT_NAMES);
  private others = 0;

  constructor(
    private readonly datasets: ReadonlySet<string>,
    private readonly maxOtherNames = DEFAULT_MAX_OTHER_ALERT_NAMES,
  ) {}

  /** The `alertname` label value for `alertname`; admits a new name while under the cap. */
  alertname(alertname: string): string {
    if (this.names.has(alertname)) return alertname;
    if (this.others >= this.maxOtherNames) return OTHER_ALERT_NAME;
    this.others++;
    this.names.add(alertname);
    return alertname;
  }

  /** The `dataset` label value: the alert's dataset when it is monitored, else empty. */
  dataset(dataset: string | undefined): string {
    return dataset !== undefined && this.datasets.has(dataset) ? dataset : '';
  }
}
