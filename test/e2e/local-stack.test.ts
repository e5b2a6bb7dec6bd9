/**
 * The local stack end to end, with real processes: both services, Prometheus and Alertmanager,
 * and the sender in compressed time (see helpers/e2e-stack.ts for every shortened setting,
 * including `for:` durations divided by 12 in temp copies of the rule files). About a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_NAMES } from '../../monitoring-service/src/metrics/zero-series.js';
import { findPrometheusBinaries } from '../../stack/src/stack-config.js';
import { type E2eStack, startE2eStack, WINDOWS_PER_S } from './helpers/e2e-stack.js';
import { startTraffic, type Traffic } from './helpers/e2e-traffic.js';
import {
  alertsReceived,
  pollUntil,
  prometheusAlerts,
  querySeriesCount,
} from './helpers/prometheus-api.js';
import { catalogueQueries, MAY_BE_EMPTY } from './helpers/query-catalogue.js';

const binaries = findPrometheusBinaries();
const skip = binaries
  ? ''
  : ' (skipped: prometheus or prometheus-alertmanager not found; apt-get install prometheus prometheus-alertmanager)';
if (skip) process.stderr.write(`local stack end to end${skip}\n`);

/** Baseline windows: 30 s of traffic, judged from the window's 50-event minimum on. */
const ONSET_WINDOWS = 30 * WINDOWS_PER_S;
/**
 * From the first drifted window acknowledged to DatasetDriftDetected at the webhook: the window
 * must turn over past half (~5–10 s: it turns over every 10 s), then 1 s schedule, 1 s scrape and
 * evaluation, 5 s `for:`, 1 s group wait. 60 s leaves room for a busy two-core machine.
 */
const DETECTION_BOUND_MS = 60_000;
/** Traffic enough for the baseline and the detection bound, with room to spare: 110 s. */
const TOTAL_WINDOWS = ONSET_WINDOWS + 80 * WINDOWS_PER_S;
/** up == 0 for 5 s (`for:` 1m / 12), plus scrape, evaluation and group wait. */
const SERVICE_DOWN_BOUND_MS = 45_000;
/** Every drift and quality alert (all but the operational ones): none may fire without drift. */
const OPERATIONAL = ['DriftMonitorStale', 'ServiceDown', 'ForwardBacklog'];
const BASELINE_SILENT: string[] = ALERT_NAMES.filter((name) => !OPERATIONAL.includes(name));
/** How long a query may stay empty before it counts as returning no data. */
const QUERY_SETTLE_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const firing = (counts: Map<string, number>, alertname: string) =>
  (counts.get(`${alertname}/firing`) ?? 0) > 0;

describe.skipIf(binaries === null)(`local stack end to end${skip}`, () => {
  let e2e: E2eStack | undefined;
  let traffic: Traffic | undefined;
  const stack = () => e2e as E2eStack;

  beforeAll(async () => {
    e2e = await startE2eStack(binaries!);
    traffic = startTraffic(e2e, ONSET_WINDOWS, TOTAL_WINDOWS);
  }, 120_000);

  afterAll(async () => {
    await traffic?.stop().catch(() => undefined);
    await e2e?.close();
  }, 60_000);

  it('fires no drift or quality alert during the baseline', async () => {
    const { prometheusUrl, monitoringUrl } = stack();
    const fired = new Set<string>();
    // When the drift alerts first had a large enough window to judge. The baseline's judged span
    // is measured in time, not in polls, so that a busy machine's slower polls do not shorten it.
    let judgingSinceMs: number | undefined;
    while (traffic?.onsetMs() === undefined) {
      for (const a of await prometheusAlerts(prometheusUrl)) {
        if (BASELINE_SILENT.includes(a.alertname) && a.state === 'firing') fired.add(a.alertname);
      }
      if (
        judgingSinceMs === undefined &&
        (await querySeriesCount(prometheusUrl, 'drift_dataset_detected')) > 0
      ) {
        judgingSinceMs = Date.now();
      }
      await sleep(1000);
    }
    const received = await alertsReceived(monitoringUrl);
    expect(judgingSinceMs).toBeDefined();
    expect(Date.now() - judgingSinceMs!).toBeGreaterThan(15_000);
    expect([...fired]).toEqual([]);
    expect(BASELINE_SILENT.filter((name) => firing(received, name))).toEqual([]);
  }, 120_000);

  it(`delivers DatasetDriftDetected through Alertmanager within ${DETECTION_BOUND_MS / 1000} s of the drift`, async () => {
    const onset = await pollUntil(async () => traffic?.onsetMs(), 60_000);
    expect(onset, 'the drifted traffic never reached the stack').toBeDefined();
    const deliveredAt = await pollUntil(async () => {
      const received = await alertsReceived(stack().monitoringUrl);
      return firing(received, 'DatasetDriftDetected') ? Date.now() : undefined;
    }, DETECTION_BOUND_MS + 5000);
    expect(deliveredAt, 'DatasetDriftDetected never reached /v1/alerts').toBeDefined();
    expect(deliveredAt! - onset!).toBeLessThanOrEqual(DETECTION_BOUND_MS);
  }, 150_000);

  it('answers every dashboard and rule query with data from the live Prometheus', async () => {
    const queries = catalogueQueries();
    let pending = queries.filter((q) => !(q.where in MAY_BE_EMPTY));
    // A counter's series first exists when it first moves (alerts received, say), and increase()
    // needs two scrapes of it: give late series a few scrape intervals before calling them empty.
    const deadline = Date.now() + QUERY_SETTLE_MS;
    do {
      const empty: typeof pending = [];
      for (const q of pending) {
        if ((await querySeriesCount(stack().prometheusUrl, q.expr)) === 0) empty.push(q);
      }
      pending = empty;
      if (pending.length > 0) await sleep(1000);
    } while (pending.length > 0 && Date.now() < deadline);
    expect(pending.map((q) => q.where)).toEqual([]);
    // A reason for an expression that no longer exists would excuse nothing; keep the list true.
    const known = new Set(queries.map((q) => q.where));
    expect(Object.keys(MAY_BE_EMPTY).filter((where) => !known.has(where))).toEqual([]);
  }, 60_000);

  it('fires ServiceDown at the webhook when the prediction service stops', async () => {
    await traffic?.stop();
    const prediction = stack().stack.processes.get('prediction');
    expect(prediction?.running()).toBe(true);
    await prediction!.stop(5000);
    const delivered = await pollUntil(async () => {
      const received = await alertsReceived(stack().monitoringUrl);
      return firing(received, 'ServiceDown') ? true : undefined;
    }, SERVICE_DOWN_BOUND_MS);
    expect(delivered, `ServiceDown not received within ${SERVICE_DOWN_BOUND_MS / 1000} s`).toBe(
      true,
    );
  }, 90_000);
});
