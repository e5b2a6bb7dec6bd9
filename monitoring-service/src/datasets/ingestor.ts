/**
 * The write path: store first (durable), then the windows, then the counters. Windows only ever
 * see events the store has acknowledged.
 */
import type { Metrics } from '../metrics/metrics.js';
import type { AlertRecord, EventRecord, LabelRecord, Store, StoredEvent } from '../store/store.js';
import { AlertSeriesLabels } from './alert-series-labels.js';
import type { MonitoredDataset } from './monitored-dataset.js';

export class Ingestor {
  private readonly alertLabels: AlertSeriesLabels;

  constructor(
    private readonly store: Store,
    private readonly metrics: Metrics,
    /** Monitored dataset names: the only `dataset` values alert counters get. */
    datasets: Iterable<string> = [],
  ) {
    this.alertLabels = new AlertSeriesLabels(new Set(datasets));
  }

  async ingestEvents(dataset: MonitoredDataset, events: readonly EventRecord[]) {
    const name = dataset.definition.name;
    const result = await this.store.appendEvents(name, events);
    dataset.windows.addEvents(result.stored);
    this.metrics.eventsIngested.inc({ dataset: name }, result.stored.length);
    if (result.duplicates > 0) {
      this.metrics.eventsRejected.inc({ dataset: name, reason: 'duplicate' }, result.duplicates);
    }
    if (result.lateLabels > 0) {
      this.metrics.labelsIngested.inc({ dataset: name, outcome: 'late_match' }, result.lateLabels);
    }
    return { accepted: events.length, stored: result.stored.length, duplicates: result.duplicates };
  }

  async ingestLabels(dataset: MonitoredDataset, labels: readonly LabelRecord[]) {
    const name = dataset.definition.name;
    const result = await this.store.applyLabels(name, labels);
    const lastLabel = new Map(labels.map((l) => [l.eventId, l.label]));
    const matched = [...new Set(result.matched)];
    const inWindow = new Map<string, StoredEvent>();
    for (const id of matched) {
      const event = dataset.windows.current.get(id);
      if (event) inWindow.set(id, event);
    }
    const missing = matched.filter((id) => !inWindow.has(id));
    const fetched = missing.length > 0 ? await this.store.findEvents(name, missing) : [];
    const byId = new Map([...inWindow, ...fetched.map((e) => [e.eventId, e] as const)]);
    const labelled = matched.flatMap((id) => {
      const event = byId.get(id);
      const label = lastLabel.get(id);
      return event && label !== undefined ? [{ ...event, label }] : [];
    });
    dataset.windows.applyLabels(labelled);
    this.metrics.labelsIngested.inc({ dataset: name, outcome: 'matched' }, result.matched.length);
    this.metrics.labelsIngested.inc({ dataset: name, outcome: 'unmatched' }, result.unmatched);
    return { matched: result.matched.length, unmatched: result.unmatched };
  }

  async ingestAlerts(alerts: readonly AlertRecord[]) {
    await this.store.recordAlerts(alerts);
    for (const alert of alerts) {
      this.metrics.alertsReceived.inc({
        dataset: this.alertLabels.dataset(alert.labels.dataset),
        alertname: this.alertLabels.alertname(alert.alertname),
        status: alert.status,
      });
    }
  }
}
